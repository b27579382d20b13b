/**
 * Dutch answers of the service about where a report went (namespace `routing`), shown to the reporter
 * after sending. The source for every other language. Plain language, never victim-blaming.
 */
export const routing = {
  /**
   * A report whose place lies in a municipality without a reporting point here: it is kept (by the
   * national tenant) but not forwarded, so the reporter must know to contact that municipality.
   */
  nonParticipating: {
    title: 'Dank je wel voor je melding',
    body:
      'Goed dat je dit meldt. Wat er is gebeurd, is niet oké, en het is nooit jouw schuld. ' +
      'De plek die je koos ligt in de gemeente {{municipality}}. Die gemeente is niet aangesloten bij dit meldpunt. ' +
      'We bewaren je melding, maar we kunnen hem niet naar die gemeente sturen en nemen er geen contact over op. ' +
      'Wil je dat er iets mee gebeurt, of wil je hulp? Neem dan direct contact op met de gemeente {{municipality}}. ' +
      'In een noodsituatie bel je 112.',
  },
  // Issue 13: the hosted reporting page (`/m/:slug`) at an address without a reporting point.
  hostedPageNotFound: {
    title: 'Dit meldpunt bestaat niet',
    body: 'Op dit adres is geen meldpunt. Controleer het adres, of zoek het meldpunt op de website van je gemeente. In een noodsituatie bel je 112.',
  },
} as const;
