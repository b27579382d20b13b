/**
 * Dutch texts the form shows only after the Where step: the details, contact and review steps, sending
 * and the confirmation. They load with those steps' code (`widget/src/later.ts`), not before the form shows.
 */
export const later = {
  nav: {
    send: 'Verstuur melding',
    sending: 'Je melding wordt verstuurd…',
    change: 'Wijzig',
    changeSection: 'Wijzig: {{section}}',
  },
  errors: {
    emailInvalid: 'Dit e-mailadres klopt niet.',
    phoneInvalid: 'Dit telefoonnummer klopt niet.',
    contactNeeded: 'Vul een e-mailadres of telefoonnummer in, zodat we je kunnen bereiken.',
    tooLong: 'Deze tekst is te lang.',
    invalid: 'Dit antwoord klopt niet.',
    network:
      'Je melding is nog niet verstuurd: er is geen verbinding. Je antwoorden blijven staan zolang deze pagina open is.',
    offline: 'Zodra je weer verbinding hebt, versturen we je melding vanzelf.',
    server:
      'Je melding is nog niet verstuurd: er ging bij ons iets mis. Je antwoorden blijven staan. Probeer het opnieuw.',
    rateLimit_one: 'Er zijn veel meldingen kort na elkaar verstuurd. Probeer het over {{count}} minuut opnieuw.',
    rateLimit_other: 'Er zijn veel meldingen kort na elkaar verstuurd. Probeer het over {{count}} minuten opnieuw.',
    tryAgain: 'Probeer opnieuw',
  },
  steps: {
    details: {
      hint: 'Alles op deze stap is niet verplicht.',
      description: 'Wat is er gebeurd?',
      descriptionHint: 'Vertel zoveel als je wilt. Schrijf liever geen namen of contactgegevens van anderen.',
      remaining_one: 'Nog {{count}} teken over',
      remaining_other: 'Nog {{count}} tekens over',
      intervened: 'Heeft iemand ingegrepen of geholpen?',
      yes: 'Ja',
      no: 'Nee',
      unknown: 'Weet ik niet',
      optional: 'niet verplicht',
      why: 'Waarom vragen we dit?',
      choose: 'Kies…',
    },
    contact: {
      intro: 'Dit is niet verplicht. Zonder gegevens meld je anoniem.',
      whoSees:
        'Alleen medewerkers van {{name}} die meldingen behandelen zien je gegevens. Ze gebruiken ze alleen om over deze melding contact met je op te nemen. We bewaren ze versleuteld en verwijderen ze na {{duration}}.',
      legend: 'Contact',
      anonymous: 'Nee, ik meld anoniem',
      wantsFollowUp: 'Ja, neem contact met mij op',
      name: 'Naam',
      email: 'E-mailadres',
      phone: 'Telefoonnummer',
      needOne: 'Vul een e-mailadres of een telefoonnummer in (of allebei).',
    },
    review: {
      intro: 'Klopt alles? Dan kun je je melding versturen.',
      who: 'Wie',
      what: 'Wat',
      when: 'Wanneer',
      where: 'Waar',
      details: 'Toelichting',
      intervened: 'Ingegrepen of geholpen',
      contact: 'Contact',
      anonymous: 'Anoniem',
      empty: 'Niet ingevuld',
      privacy: 'Zo gaan we om met je gegevens',
      retention: 'We bewaren je melding {{duration}}. We slaan geen IP-adres op.',
    },
    done: {
      reference: 'Je meldnummer',
      receipt: 'Je persoonlijke code',
      receiptHint:
        'Bewaar deze code goed. Met de code bekijk je je melding, lees je de berichten van de gemeente en kun je antwoorden, ook als je anoniem meldt. We laten de code maar één keer zien: we kunnen hem later niet opnieuw tonen.',
      referenceHint: 'Schrijf dit nummer op als je later over deze melding contact wilt opnemen.',
      next: 'Wat gebeurt er nu?',
      nextActive:
        'Medewerkers van {{name}} lezen je melding. Als je om contact hebt gevraagd, nemen ze contact met je op.',
      noFollowUp:
        'Let op: {{name}} neemt over meldingen geen contact met je op. Wil je hulp, of wil je aangifte doen? Neem dan zelf contact op met de organisaties bij Hulp en informatie, of met de politie (0900-8844).',
      another: 'Nog iets melden',
    },
  },
  roles: {
    victim: 'Het overkwam mij',
    bystander: 'Ik zag het gebeuren',
    other: 'Anders',
  },
} as const;
