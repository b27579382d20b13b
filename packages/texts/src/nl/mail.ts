/**
 * Dutch texts of the e-mail a municipality receives for a report (namespace `mail`): read by the
 * staff who handle reports — except `reporterNotice` (issue 15), the one mail a reporter receives. The
 * source for every other language. Plain and
 * neutral: the reporter is "de melder", and nothing in the mail doubts or blames them. The category
 * labels come from the widget's texts (`categories.*.label`), so both say the same.
 */
export const mail = {
  subject: 'Nieuwe melding {{reference}} – {{tenant}}',
  heading: 'Nieuwe melding straatintimidatie',
  intro: 'Via het meldpunt van {{tenant}} is een melding binnengekomen.',
  labels: {
    reference: 'Meldnummer',
    received: 'Ontvangen',
    categories: 'Wat er gebeurde',
    role: 'Wie meldt',
    when: 'Wanneer',
    where: 'Waar',
    coordinates: 'Coördinaten',
    place: 'Plaats in woorden',
    map: 'Kaart',
    description: 'Toelichting',
    intervened: 'Ingegrepen of geholpen',
    extra: 'Extra vragen',
    contact: 'Contactgegevens',
    name: 'Naam',
    email: 'E-mailadres',
    phone: 'Telefoonnummer',
    wantsFollowUp: 'Wil dat er contact wordt opgenomen',
    language: 'Taal van de melding',
    reportedVia: 'Gemeld via',
  },
  openMap: 'Bekijk op de kaart',
  notGiven: 'Niet ingevuld',
  anonymous: 'Geen contactgegevens: de melder meldt anoniem.',
  /** Answers to yes/no questions; `unknown` only where the reporter could say "I don't know". */
  answers: { yes: 'Ja', no: 'Nee', unknown: 'Weet de melder niet' },
  roles: { victim: 'Het overkwam de melder zelf', bystander: 'Getuige: zag het gebeuren', other: 'Anders' },
  partsOfDay: {
    night: 'nacht (0 tot 6 uur)',
    morning: 'ochtend (6 tot 12 uur)',
    afternoon: 'middag (12 tot 18 uur)',
    evening: 'avond (18 tot 24 uur)',
  },
  approximately: 'ongeveer {{date}} (de melder weet het niet precies)',
  /** How the reporter chose the place. */
  sources: {
    map: 'gekozen op de kaart',
    search: 'gevonden via adres zoeken',
    device: 'locatie van het apparaat',
    text: 'beschreven in woorden',
  },
  /** How precise the device's location was. */
  accuracy_one: 'nauwkeurig tot ongeveer {{count}} meter',
  accuracy_other: 'nauwkeurig tot ongeveer {{count}} meter',
  footer:
    'Dit bericht is automatisch verstuurd door Meldpunt. De melder ziet geen antwoord op deze e-mail. Behandel de gegevens vertrouwelijk.',
  /**
   * Issue 15: the follow-up's content-free notices. `reporterNotice` goes to the REPORTER (in the
   * report's language): never the message, the receipt code or the reference — a mailbox can be read
   * by others. `replyNotice` goes to the municipality (in its mail language): the reference only,
   * never the reply's text.
   */
  reporterNotice: {
    subject: 'Nieuw bericht over je melding',
    heading: 'Er is een nieuw bericht over je melding',
    body: '{{tenant}} heeft je een bericht gestuurd over je melding. Het bericht staat niet in deze e-mail: je leest het met je ontvangstcode.',
    action: 'Open deze pagina en vul je ontvangstcode in om het bericht te lezen:',
    codeNever: 'We sturen je ontvangstcode nooit per e-mail en vragen er ook nooit om per e-mail.',
    emergency: 'Is er nu gevaar? Bel 112.',
    footer: 'Deze e-mail is automatisch verstuurd. Antwoorden op deze e-mail worden niet gelezen.',
  },
  replyNotice: {
    subject: 'Reactie van de melder op {{reference}} – {{tenant}}',
    heading: 'De melder heeft gereageerd',
    body: 'De melder heeft met de ontvangstcode gereageerd op melding {{reference}}.',
    action: 'Lees de reactie in de backoffice:',
    privacy: 'De reactie zelf staat niet in deze e-mail.',
    footer: 'Dit bericht is automatisch verstuurd door Meldpunt.',
  },
} as const;
