/**
 * Dutch texts of the mail a person receives when they are invited to the console (namespace
 * `staffMail`), and of a new municipality's first configuration (`newTenant`). Staff read Dutch or
 * English, so these exist in those two languages only (the completeness test says so); the
 * invitation mail carries both, Dutch first.
 */
export const staffMail = {
  subject: 'Uitnodiging voor Meldpunt – {{tenant}}',
  subjectPlatform: 'Uitnodiging voor Meldpunt – beheer van het platform',
  heading: 'Je bent uitgenodigd voor Meldpunt',
  intro: '{{inviter}} nodigt je uit om mee te werken aan het meldpunt straatintimidatie van {{tenant}}.',
  introPlatform: '{{inviter}} nodigt je uit als beheerder van het Meldpunt-platform.',
  someone: 'Het beheer van Meldpunt',
  roles: 'Je rollen: {{roles}}.',
  roleNames: {
    'platform-admin': 'platformbeheer',
    admin: 'beheerder',
    editor: 'redacteur',
    publisher: 'publiceerder',
    officer: 'behandelaar (OOV)',
    analyst: 'analist',
  },
  action: 'Open deze link om een passkey aan te maken en in te loggen:',
  expires: 'De link werkt één keer en verloopt op {{date}} (na 72 uur).',
  ignore: 'Verwachtte je deze uitnodiging niet? Negeer dan deze e-mail; er gebeurt niets.',
  footer: 'Deze e-mail is automatisch verstuurd door Meldpunt. Stuur de link aan niemand door.',
  // The test delivery of the private settings (issue 13): no report, clearly marked as a test.
  testDelivery: {
    subject: 'TEST – proeflevering van Meldpunt – {{tenant}}',
    heading: 'Dit is een test, geen melding',
    intro:
      'Een beheerder van {{tenant}} heeft op {{date}} een proeflevering verstuurd. Komt dit bericht aan, dan komen de meldingen van het meldpunt hier ook aan.',
    nothing: 'Er is niets gemeld en er hoeft niets te gebeuren.',
    footer: 'Deze e-mail is automatisch verstuurd door Meldpunt.',
  },
};

/** A new municipality's first configuration: the texts a reporter reads until the municipality changes them. */
export const newTenant = {
  name: 'Gemeente {{municipality}}',
  logoAlt: 'Logo van de gemeente {{municipality}}',
  responseTitle: 'Dank je wel voor je melding',
  responseBody:
    'Goed dat je dit meldt. Wat er is gebeurd, is niet oké. Het is nooit jouw schuld. Je melding helpt de gemeente {{municipality}} te zien waar en wanneer straatintimidatie gebeurt. Wil je hulp, of wil je aangifte doen? Neem contact op met de politie (0900-8844 of politie.nl) of met Slachtofferhulp Nederland (0900-0101). Is er nu gevaar? Bel 112.',
  privacy:
    'Je melding wordt gelezen door de gemeente {{municipality}}. Laat je contactgegevens achter, dan slaan we die versleuteld op en verwijderen we ze na 1 maand. De melding zelf bewaren we 12 maanden. We slaan je IP-adres niet op.',
};
