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
  sso: {
    signInTitle: 'Inloggen met het inlogsysteem van je gemeente',
    signInIntro: 'Werkt je gemeente met een eigen inlogsysteem? Kies je gemeente; je logt daar in en komt hier terug.',
    municipality: 'Gemeente',
    choose: 'Kies je gemeente',
    chooseFirst: 'Kies eerst je gemeente.',
    go: 'Inloggen bij mijn gemeente',
    failed:
      'Inloggen via je gemeente is niet gelukt. Probeer het opnieuw. Lukt het niet, vraag dan de beheerder van je gemeente om een uitnodiging.',
    sectionTitle: 'Inloggen via de gemeente (single sign-on)',
    sectionHint: 'Laat medewerkers inloggen met het inlogsysteem van de gemeente.',
    title: 'Inloggen via de gemeente (single sign-on)',
    intro:
      'Medewerkers kunnen inloggen met het inlogsysteem van de gemeente (OpenID Connect). Dat geeft nooit zelf toegang: de eerste keer wordt iemand gekoppeld aan een bestaand lidmaatschap of een uitnodiging, op een bevestigd e-mailadres. Daarna telt alleen die koppeling, ook als het e-mailadres verandert.',
    redirectUri: 'Redirect-URI',
    redirectUriHint: 'Registreer dit adres bij het inlogsysteem als redirect-URI van Meldpunt.',
    copy: 'Redirect-URI kopiëren',
    copied: 'Gekopieerd',
    copyFailed: 'Kopiëren is niet gelukt; selecteer het adres en kopieer het zelf.',
    notConfigured: 'Er is nog geen inlogsysteem ingesteld.',
    updatedAt: 'Laatst gewijzigd: {{date}}',
    issuer: 'Issuer (adres van het inlogsysteem)',
    issuerHint: 'Het adres vóór /.well-known/openid-configuration, bijvoorbeeld https://login.gemeente.nl.',
    clientId: 'Client-id',
    clientSecret: 'Client-secret',
    clientSecretHintNew: 'Het geheim dat het inlogsysteem voor Meldpunt gaf. Na opslaan is het niet meer te zien.',
    clientSecretHintSet: 'Ingesteld — laat leeg om het te houden. Het is niet meer te zien.',
    domains: 'Toegestane e-maildomeinen',
    domainsHint:
      'Eén per regel, bijvoorbeeld gemeente.nl. Alleen een bevestigd adres op een van deze domeinen kan de eerste keer worden gekoppeld.',
    enabled: 'Aanbieden op de inlogpagina',
    save: 'Opslaan',
    saving: 'Bezig met opslaan…',
    saved: 'De instellingen zijn opgeslagen.',
    remove: 'Inloggen via de gemeente verwijderen',
    removed: 'Inloggen via de gemeente is verwijderd.',
    invalid: 'Niet opgeslagen. Verbeter de velden met een foutmelding.',
    discoveryFailed:
      'Niet opgeslagen: het inlogsysteem op dit adres antwoordde niet als OpenID-provider. Controleer het adres en of Meldpunt het kan bereiken.',
    errors: {
      issuer: 'Vul het https-adres van het inlogsysteem in, zonder vraagteken of #.',
      clientId: 'Vul de client-id in.',
      clientSecret: 'Vul het client-secret in dat het inlogsysteem gaf.',
      allowedEmailDomains: 'Vul minstens één domein in, zoals gemeente.nl (één per regel).',
      other: 'Deze waarde klopt niet.',
    },
  },
};
