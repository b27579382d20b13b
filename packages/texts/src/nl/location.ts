/**
 * Dutch texts of the Where step ("Waar"): the location picker and where the report goes. They load
 * with that step, not before the form shows. The source for every other language.
 * Plain language; the map is never the only way.
 */
export const location = {
  intro: 'Kies de plek op een van deze manieren. Je hoeft de kaart niet te gebruiken.',
  search: {
    label: 'Zoek een adres of straat',
    hint: 'Typ minstens 3 tekens. Kies daarna een adres uit de lijst met de pijltjestoetsen en Enter, of door erop te tikken.',
    suggestions: 'Gevonden adressen',
    searching: 'Zoeken…',
    results_one: 'Gevonden adressen: {{count}}.',
    results_other: 'Gevonden adressen: {{count}}.',
    noResults: 'Geen adres gevonden. Probeer het anders te schrijven, of kies de plek op een andere manier.',
    error: 'Zoeken lukt nu niet. Kies de plek op de kaart, gebruik je locatie of beschrijf de plek.',
    lookupError:
      'De plek van dit adres is nu niet op te halen. We hebben het adres bij de beschrijving van de plek gezet.',
  },
  device: {
    button: 'Gebruik mijn locatie',
    hint: 'Handig als je nu op de plek bent waar het gebeurde.',
    busy: 'Je locatie wordt gezocht…',
    accuracy_one: 'Nauwkeurig tot ongeveer {{count}} meter',
    accuracy_other: 'Nauwkeurig tot ongeveer {{count}} meter',
    denied:
      'Je locatie kan niet worden gebruikt, want er is geen toestemming voor. Je kunt de plek ook zoeken, op de kaart kiezen of beschrijven.',
    unavailable: 'Je locatie is nu niet te vinden. Je kunt de plek ook zoeken, op de kaart kiezen of beschrijven.',
    timeout: 'Het zoeken naar je locatie duurde te lang. Probeer het opnieuw, of kies de plek op een andere manier.',
    unsupported:
      'Deze browser kan je locatie niet doorgeven. Je kunt de plek zoeken, op de kaart kiezen of beschrijven.',
  },
  map: {
    label: 'Kaart om de plek te kiezen',
    instructions:
      'Klik of tik op de kaart om de plek te kiezen. Met het toetsenbord: verschuif de kaart met de pijltjestoetsen en druk op Enter om de plek bij het kruisje te kiezen. Met + en - zoom je in en uit.',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
    loading: 'De kaart wordt geladen…',
    loadError:
      'De kaart kan nu niet worden geladen. Je kunt de plek zoeken, je locatie gebruiken of de plek beschrijven.',
    outside: 'Deze plek ligt buiten het gebied van dit meldpunt. Kies een plek binnen de kaart.',
    attribution: 'Bron van de kaart',
  },
  describe: {
    label: 'Beschrijf de plek',
    hint: 'Bijvoorbeeld: bij de bushalte op het Stationsplein, of in de trein naar Rotterdam. Dit mag ook als enige antwoord.',
  },
  chosen: {
    place: 'Gekozen plek: {{place}}',
    clear: 'Keuze wissen',
    cleared: 'De gekozen plek is gewist.',
  },
  /** Where the chosen place sends the report (route preview, before sending). */
  route: {
    elsewhere: 'Deze plek ligt in de gemeente {{municipality}}. Je melding gaat naar {{name}}.',
    notParticipating:
      'Deze plek ligt in de gemeente {{municipality}}. Die gemeente is niet aangesloten bij dit meldpunt. Je melding wordt wel bewaard, maar niet naar die gemeente gestuurd. Neem voor hulp of opvolging direct contact op met de gemeente {{municipality}}.',
    noFollowUp: '{{name}} neemt over meldingen geen contact met je op.',
    contactCleared:
      'Omdat niemand over deze melding contact met je opneemt, hebben we de contactgegevens die je had ingevuld gewist.',
    outside:
      'Deze plek ligt niet in Nederland. Kies een plek in Nederland. Of wis de gekozen plek en beschrijf in woorden waar het gebeurde.',
    forwarded: 'Je melding is doorgestuurd naar {{name}}.',
  },
} as const;
