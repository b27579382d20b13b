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
  passkeys: {
    signInTitle: 'Inloggen met een passkey',
    signInIntro:
      'Een passkey is je sleutel voor de console, bewaard op je telefoon, laptop of beveiligingssleutel. Je ontgrendelt hem met je pincode, vingerafdruk of gezicht. Nog geen passkey? Die maak je via de link in je uitnodiging.',
    signIn: 'Inloggen met een passkey',
    signingIn: 'Bezig met inloggen…',
    cancelled: 'Inloggen is afgebroken of duurde te lang. Probeer het opnieuw als je wilt.',
    failed:
      'Inloggen met deze passkey is niet gelukt. Probeer het opnieuw, of kies een andere passkey. Passkey kwijt? Vraag de beheerder van je gemeente om een nieuwe uitnodiging.',
    unsupported:
      'Deze browser ondersteunt geen passkeys. Gebruik een recente versie van Chrome, Edge, Firefox of Safari.',
    tooMany: 'Te vaak mislukt. Wacht een kwartier en probeer het dan opnieuw.',
    exists: 'Dit apparaat heeft al een passkey voor jou. Kies een ander apparaat of een andere beveiligingssleutel.',
    createFailed:
      'De passkey is niet gemaakt. Probeer het opnieuw; lukt het niet, probeer dan een ander apparaat of een andere browser.',
    createCancelled: 'Het maken van de passkey is afgebroken of duurde te lang. Probeer het opnieuw als je wilt.',
  },
  invitation: {
    title: 'Uitnodiging aannemen',
    intro: 'Je bent uitgenodigd voor de Meldpunt-console als {{email}}.',
    grants: 'Wat je krijgt',
    rolesAt: '{{roles}} bij {{tenant}}',
    platformAdmin: 'Platformbeheerder: alle gemeenten beheren',
    expires: 'Deze link werkt tot {{date}} en maar één keer.',
    howTitle: 'Maak je passkey',
    how: 'Je logt in zonder wachtwoord: met een passkey op dit apparaat. Je browser vraagt straks om je pincode, vingerafdruk of gezicht.',
    name: 'Je naam',
    nameHint: 'Zoals collega’s je zien in de console.',
    label: 'Naam van deze passkey (niet verplicht)',
    labelHint: 'Bijvoorbeeld “Laptop werk”. Handig als je later meer passkeys hebt.',
    create: 'Passkey maken',
    creating: 'Bezig met de passkey…',
    invalidTitle: 'Deze link werkt niet meer',
    invalid:
      'De uitnodiging is al gebruikt, verlopen (een link werkt 72 uur) of ingetrokken. Vraag wie je uitnodigde om je opnieuw uit te nodigen.',
    noToken:
      'Open de link uit je uitnodigingsmail helemaal, ook het deel na het hekje (#). Werkt dat niet? Vraag om een nieuwe uitnodiging.',
    toSignIn: 'Naar inloggen',
  },
  account: {
    title: 'Mijn passkeys',
    menu: 'Mijn passkeys',
    intro:
      'Hiermee log je in. Voeg er een toe voor elk apparaat dat je gebruikt, zodat je niet buitengesloten raakt als je er een kwijtraakt.',
    empty: 'Je hebt geen passkeys. Je logt in via het inlogsysteem van je gemeente.',
    created: 'Gemaakt op {{date}}',
    lastUsed: 'Laatst gebruikt op {{date}}',
    neverUsed: 'Nog niet gebruikt om in te loggen',
    remove: '{{label}} verwijderen',
    addTitle: 'Passkey toevoegen',
    label: 'Naam van de nieuwe passkey (niet verplicht)',
    add: 'Passkey toevoegen',
    adding: 'Bezig met de passkey…',
    added: 'De passkey is toegevoegd.',
    removed: 'De passkey {{label}} is verwijderd.',
    confirmTitle: 'Passkey verwijderen?',
    confirmText: 'Met {{label}} kun je daarna niet meer inloggen. Je andere passkeys blijven werken.',
    confirm: 'Verwijderen',
    cancel: 'Annuleren',
    lastPasskey: 'Dit is je laatste passkey. Voeg eerst een andere toe, anders kun je niet meer inloggen.',
    removeFailed: 'Verwijderen is niet gelukt. Probeer het opnieuw.',
  },
};
