/**
 * The console's texts in Dutch (the source): what staff of a municipality read when they sign in and
 * find their way. The console speaks Dutch and English only (`@meldpunt/texts/console`).
 */
export const consoleTexts = {
  app: {
    name: 'Meldpunt-console',
    skipLink: 'Naar de inhoud',
    loading: 'Even laden…',
    retry: 'Opnieuw proberen',
    language: 'English',
    languageLabel: 'Switch to English',
    mainNavigation: 'Hoofdmenu',
  },
  errors: {
    network: 'De console kan de server niet bereiken. Controleer je verbinding en probeer het opnieuw.',
    server: 'Er ging iets mis aan onze kant. Probeer het over een paar minuten opnieuw.',
    reference: 'Kenmerk voor de beheerder: {{id}}',
  },
  header: {
    signedInAs: 'Ingelogd als {{name}}',
    account: 'Account',
    signOut: 'Uitloggen',
    signOutEverywhere: 'Overal uitloggen',
    signOutEverywhereHint: 'Ook op andere apparaten en in andere browsers',
    signedOut: 'Je bent uitgelogd.',
    signedOutEverywhere: 'Je bent overal uitgelogd.',
  },
  signIn: {
    title: 'Inloggen',
    intro:
      'De console is voor medewerkers van gemeenten die meedoen met Meldpunt. Toegang krijg je alleen via een uitnodiging.',
    noMethods:
      'Inloggen met een passkey of met het inlogsysteem van je gemeente komt binnenkort. Heb je een uitnodiging gekregen? Bewaar de e-mail.',
    demoTitle: 'Demo: inloggen als voorbeeldmedewerker',
    demoIntro: 'Dit is een demonstratie. Kies een voorbeeldmedewerker; je ziet alleen voorbeeldgegevens.',
    demoBadge: 'Demo',
    demoSignInAs: 'Inloggen als {{name}}',
    platformAdmin: 'Platformbeheerder',
    rolesAt: '{{roles}} bij {{tenant}}',
    failed: 'Inloggen is niet gelukt. Probeer het opnieuw.',
    expired: 'Je bent automatisch uitgelogd omdat je een tijd niets hebt gedaan. Log opnieuw in om verder te gaan.',
  },
  roles: {
    admin: 'beheerder',
    editor: 'redacteur',
    publisher: 'publiceerder',
    officer: 'behandelaar',
    analyst: 'analist',
  },
  session: {
    warningTitle: 'Blijf je ingelogd?',
    warningText_one:
      'Je wordt over {{count}} seconde uitgelogd omdat je een tijd niets hebt gedaan. Wat je hebt ingevuld blijft staan.',
    warningText_other:
      'Je wordt over {{count}} seconden uitgelogd omdat je een tijd niets hebt gedaan. Wat je hebt ingevuld blijft staan.',
    stay: 'Ingelogd blijven',
    signOutNow: 'Nu uitloggen',
    expiredTitle: 'Je bent uitgelogd',
    expiredText:
      'Je was een tijd niet actief, daarom ben je automatisch uitgelogd. Wat nog op deze pagina staat, is niet opgeslagen.',
    signInAgain: 'Opnieuw inloggen',
    stayFailed: 'Ingelogd blijven is niet gelukt. Probeer het opnieuw.',
  },
  tenants: {
    title: 'Gemeenten',
    intro: 'Kies de gemeente waarvoor je wilt werken.',
    allIntro: 'Als platformbeheerder zie je alle gemeenten.',
    empty: 'Je hebt nog geen toegang tot een gemeente. Vraag de beheerder van je gemeente om een uitnodiging.',
    demo: 'Demo',
    published_one: 'Gepubliceerd: versie {{count}}',
    published_other: 'Gepubliceerd: versie {{count}}',
    notPublished: 'Nog niet gepubliceerd',
    lastReport: 'Laatste melding: {{date}}',
    noReports: 'Nog geen meldingen',
    failing_one: '{{count}} bezorging mislukt',
    failing_other: '{{count}} bezorgingen mislukt',
    yourRoles: 'Jouw rollen: {{roles}}',
  },
  tenant: {
    title: '{{tenant}}',
    intro: 'Wat je hier kunt doen, hangt af van je rollen: {{roles}}.',
    noRoles: 'Je hebt geen rol bij deze gemeente.',
    sections: 'Onderdelen',
    notFound: 'Deze gemeente bestaat niet, of je hebt er geen toegang toe.',
    allTenants: 'Alle gemeenten',
  },
  sections: {
    configuration: 'Instellingen van het meldformulier',
    configurationHint: 'Teksten, categorieën, huisstijl en publiceren.',
    reports: 'Meldingen',
    reportsHint: 'Binnengekomen meldingen behandelen.',
  },
  configuration: {
    title: 'Instellingen van het meldformulier',
    comingSoon:
      'Hier pas je binnenkort het meldformulier van je gemeente aan: teksten, categorieën, huisstijl en het gebied. Je bekijkt wijzigingen eerst als voorbeeld en publiceert ze daarna.',
  },
  reports: {
    title: 'Meldingen',
    comingSoon:
      'Hier behandel je binnenkort de meldingen die bij je gemeente binnenkomen. Nu gaan meldingen nog per e-mail naar het adres dat je gemeente heeft opgegeven.',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    text: 'Deze pagina bestaat niet.',
    home: 'Naar het begin',
  },
};
