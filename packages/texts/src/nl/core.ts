/**
 * Dutch: the source language. Plain language (B1), "je"-form, never victim-blaming: the reporter
 * did nothing wrong, and what happened is not okay.
 */
export const core = {
  intro: {
    title: 'Meld straatintimidatie',
    body: 'Is je op straat, in het uitgaansleven of in het openbaar vervoer iets overkomen, of heb je het zien gebeuren? Dat is niet oké. Met je melding ziet de gemeente waar en wanneer het gebeurt.',
  },
  app: {
    loading: 'Het formulier wordt geladen…',
    loadError: 'Het formulier kan nu niet worden geladen. Probeer het later opnieuw. Is er nu gevaar? Bel 112.',
    retry: 'Probeer opnieuw',
    anonymous: 'Je meldt anoniem, tenzij je zelf je gegevens invult.',
  },
  emergency: {
    text: 'Is er nu gevaar? Bel 112.',
    call: 'Bel 112',
  },
  quickExit: {
    button: 'Snel weg',
    label: 'Snel weg: verlaat deze pagina meteen',
    hint: 'Tip: druk twee keer op Escape om deze pagina snel te verlaten.',
  },
  language: {
    label: 'Taal',
  },
  help: {
    toggle: 'Hulp en informatie',
    title: 'Hulp en informatie',
    intro:
      'Wat je is overkomen, is niet jouw schuld. Praten helpt vaak. Deze organisaties luisteren en helpen, gratis.',
    notPolice: 'Melden is geen aangifte.',
    police: 'Wil je aangifte doen? Dat kan bij de politie: via politie.nl of 0900-8844.',
    punishable: 'Seksuele straatintimidatie is strafbaar.',
    call: 'Bel {{phone}}',
    website: 'Website van {{name}}',
    referrals: {
      slachtofferhulp: {
        name: 'Slachtofferhulp Nederland',
        description: 'Praten over wat er is gebeurd, hulp en advies.',
      },
      csg: {
        name: 'Centrum Seksueel Geweld',
        description: 'Bij seksueel geweld dat kort geleden is gebeurd: dag en nacht bereikbaar.',
      },
      veiligThuis: {
        name: 'Veilig Thuis',
        description: 'Advies en hulp bij huiselijk geweld en kindermishandeling.',
      },
      mma: {
        name: 'Meld Misdaad Anoniem',
        description: 'Anoniem informatie geven over een misdrijf.',
      },
    },
  },
  followUp: {
    open: 'Mijn melding bekijken',
  },
  progress: 'Stap {{current}} van {{total}}',
  nav: {
    back: 'Vorige',
    next: 'Volgende',
  },
  errors: {
    summaryTitle: 'Controleer dit even:',
    roleRequired: 'Kies wat het beste past.',
    categoriesRequired: 'Kies minstens één soort.',
    dateRequired: 'Vul een datum in.',
    dateInvalid: 'Deze datum klopt niet.',
    dateFuture: 'Deze datum ligt in de toekomst.',
    timeRequired: 'Vul een tijd in, of kies een ander antwoord hierboven.',
    partOfDayRequired: 'Kies een deel van de dag.',
    locationRequired: 'Kies een plek, of beschrijf de plek in woorden.',
  },
  steps: {
    who: {
      title: 'Wie meldt er?',
      legend: 'Wat past het beste?',
      victim: 'Het overkwam mij',
      bystander: 'Ik zag het gebeuren',
      other: 'Anders',
      otherHint: 'Bijvoorbeeld: het overkwam iemand die ik ken.',
    },
    what: {
      title: 'Wat is er gebeurd?',
      legend: 'Kies wat past. Meer dan één mag.',
    },
    when: {
      title: 'Wanneer gebeurde het?',
      hint: 'Ook als het lang geleden is, is je melding welkom.',
      legend: 'Hoe goed weet je het nog?',
      exact: 'Ik weet de datum en tijd',
      partOfDay: 'Ik weet de datum en het deel van de dag',
      approximate: 'Ik weet het niet precies meer',
      date: 'Datum',
      approximateDate: 'Ongeveer welke datum?',
      approximateHint: 'Een schatting is goed.',
      time: 'Tijd',
      partOfDayLabel: 'Deel van de dag',
      choose: 'Kies…',
      parts: {
        night: 'Nacht (0 tot 6 uur)',
        morning: 'Ochtend (6 tot 12 uur)',
        afternoon: 'Middag (12 tot 18 uur)',
        evening: 'Avond (18 tot 24 uur)',
      },
    },
    where: {
      title: 'Waar gebeurde het?',
      hint: 'Zoek een adres, gebruik je locatie, kies op de kaart of beschrijf de plek. Eén manier is genoeg.',
    },
    details: {
      title: 'Wil je nog iets vertellen?',
    },
    contact: {
      title: 'Wil je dat we contact met je opnemen?',
    },
    review: {
      title: 'Controleer je melding',
    },
  },
  categories: {
    verbal: {
      label: 'Opmerkingen of naroepen',
      description: 'Bijvoorbeeld seksuele opmerkingen, uitschelden of nasissen.',
    },
    sounds: { label: 'Geluiden of nafluiten', description: 'Bijvoorbeeld fluiten, kusgeluiden of toeteren.' },
    gestures: { label: 'Gebaren', description: 'Bijvoorbeeld seksuele of dreigende gebaren.' },
    following: { label: 'Achtervolgen', description: 'Iemand liep, fietste of reed achter je aan.' },
    touching: {
      label: 'Ongewenst aanraken',
      description: 'Bijvoorbeeld betasten, vastpakken of tegen je aan gaan staan.',
    },
    exposure: { label: 'Schaamstreek of geslachtsdeel laten zien', description: 'Iemand liet zich bloot zien.' },
    filming: { label: 'Filmen of fotograferen', description: 'Zonder dat je dat wilde.' },
    threat: { label: 'Bedreiging of geweld', description: 'Bijvoorbeeld dreigen, duwen of slaan.' },
    discrimination: {
      label: 'Discriminatie',
      description: 'Bijvoorbeeld om huidskleur, afkomst, geloof, geslacht, seksuele oriëntatie of een beperking.',
    },
    other: { label: 'Iets anders', description: 'Iets wat hierboven niet staat.' },
  },
} as const;
