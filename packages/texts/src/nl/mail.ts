/**
 * Dutch texts of the e-mail a municipality receives for a report (namespace `mail`): read by the
 * staff who handle reports, never by the reporter. The source for every other language. Plain and
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
} as const;
