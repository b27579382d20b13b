/** The configuration console's texts in Dutch (the source): the private settings and the embed page. */
export const settingsTexts = {
  // Private settings (role admin): never in the public config.
  privateSettings: {
    title: 'Privé-instellingen',
    intro:
      'Deze instellingen zijn alleen voor beheerders en staan nooit in de openbare configuratie van het meldformulier. Ze gelden meteen na opslaan; publiceren is niet nodig.',
    notAvailable:
      'De privé-instellingen zijn alleen voor de beheerder van deze gemeente. Vraag je beheerder als er iets moet veranderen.',
    lastSaved: 'Laatst opgeslagen door {{name}} op {{date}}.',
    lastSavedUnknown: 'Laatst opgeslagen op {{date}}.',
    neverSaved: 'Nog niet opgeslagen in de console (ingesteld bij de aansluiting).',
    save: 'Instellingen opslaan',
    saving: 'Bezig met opslaan…',
    saved: 'De instellingen zijn opgeslagen.',
    invalid_one: 'Niet opgeslagen: {{count}} veld moet nog worden verbeterd.',
    invalid_other: 'Niet opgeslagen: {{count}} velden moeten nog worden verbeterd.',
    stale: 'Niet opgeslagen: iemand anders heeft deze instellingen intussen opgeslagen.',
    staleBy: 'Niet opgeslagen: {{name}} heeft deze instellingen intussen opgeslagen.',
    staleAt: 'Opgeslagen op {{date}}.',
    staleHelp:
      'Wat je hebt getypt staat nog in het formulier. Kies: de nieuwe versie laden (jouw wijzigingen vervallen), of jouw waarden houden en die over de nieuwe versie heen opslaan.',
    staleReload: 'Nieuwe versie laden',
    staleKeep: 'Mijn waarden opslaan over de nieuwe versie',
    origins: {
      title: 'Toegestane websites (herkomst)',
      label: 'Websites die het meldformulier mogen insluiten',
      hint: 'Eén per regel, alleen https://, de naam en eventueel een poort — zonder pad. Bijvoorbeeld https://www.gemeente.nl.',
      lineError: 'Regel {{line}} ({{origin}}): {{message}}',
      checkLabel: 'Mag mijn pagina meldingen versturen?',
      checkHint:
        'Typ het adres van de pagina waar het formulier op staat. Er wordt gekeken naar de opgeslagen lijst, niet naar wijzigingen die je nog niet hebt opgeslagen.',
      check: 'Controleren',
      checking: 'Bezig met controleren…',
      checkEmpty: 'Typ eerst een adres, zoals https://www.gemeente.nl/melden.',
      reasons: {
        allowed: 'Ja: {{origin}} staat in de lijst. Een pagina op deze website mag meldingen versturen.',
        'not-listed': 'Nee: {{origin}} staat niet in de opgeslagen lijst. Voeg het toe en sla op.',
        'http-in-production':
          'Nee: {{origin}} gebruikt http. Alleen pagina’s met https mogen meldingen versturen; gebruik https://.',
        'has-path':
          'Dit adres heeft een pad. De lijst bevat alleen de herkomst: {{origin}}. Dat is wat een browser meestuurt; zet dat in de lijst.',
        'not-an-origin': 'Dit is geen webadres. Typ het zoals https://www.gemeente.nl.',
      },
    },
    recipients: {
      title: 'E-mailontvangers',
      intro:
        'Elke melding wordt meteen naar deze adressen gestuurd. Met een PGP-sleutel wordt de e-mail versleuteld: alleen de houder van de sleutel kan hem lezen.',
      none: 'Er zijn geen e-mailontvangers.',
      recipient: 'Ontvanger {{number}}',
      address: 'E-mailadres',
      key: 'PGP-sleutel (optioneel)',
      keyHintNew: 'Plak de openbare sleutel (begint met -----BEGIN PGP PUBLIC KEY BLOCK-----). Leeg: niet versleuteld.',
      keyHintReplace: 'Plak een nieuwe openbare sleutel om de huidige te vervangen; leeg laten houdt de huidige.',
      stored: 'Huidige sleutel',
      fingerprint: 'Vingerafdruk',
      userIds: 'Gebruikers-id’s',
      expires: 'Verloopt',
      expiresNever: 'Verloopt niet',
      expired: 'Verlopen op {{date}}',
      removeKey: 'Sleutel verwijderen (e-mail niet meer versleutelen)',
      add: 'Ontvanger toevoegen',
      remove: 'Ontvanger {{number}} verwijderen',
      max: 'Er kunnen hoogstens {{count}} ontvangers zijn.',
    },
    mail: {
      title: 'De e-mail aan de gemeente',
      locale: 'Taal van de e-mail',
      localeDefault: 'Nederlands (standaard)',
      intro: 'Eigen openingszin (optioneel)',
      introHint: 'Bovenaan elke e-mail, bijvoorbeeld wie de melding oppakt. Gewone tekst, hoogstens 2000 tekens.',
    },
    locales: {
      nl: 'Nederlands',
      en: 'Engels',
      ar: 'Arabisch',
      tr: 'Turks',
      pl: 'Pools',
      uk: 'Oekraïens',
    },
    webhook: {
      title: 'Webhook',
      intro:
        'Laat Meldpunt elke melding ook naar een eigen systeem sturen (een POST met JSON, ondertekend volgens Standard Webhooks). Leeg: geen webhook.',
      url: 'Webhook-adres',
      urlHint: 'Een https-adres dat vanaf internet bereikbaar is.',
      secretSet: 'Er is een geheim ingesteld sinds {{date}}.',
      secretSetImported: 'Er is een geheim ingesteld (bij de aansluiting).',
      secretNew: 'Na opslaan maakt Meldpunt een geheim om de berichten te ondertekenen; je ziet het één keer.',
      rotate: 'Nieuw geheim maken',
      rotateTitle: 'Nieuw webhookgeheim maken?',
      rotateText:
        'De instellingen worden opgeslagen en er komt een nieuw geheim. Het oude geheim werkt meteen niet meer: zet het nieuwe direct in je eigen systeem.',
      rotateConfirm: 'Opslaan en nieuw geheim maken',
      cancel: 'Annuleren',
      newSecretTitle: 'Nieuw webhookgeheim — bewaar het nu',
      newSecretText:
        'Kopieer dit geheim naar je eigen systeem. Het wordt niet meer getoond: na het verlaten of opnieuw laden van deze pagina is het weg.',
      copy: 'Geheim kopiëren',
    },
    rateLimit: {
      title: 'Grens aan het aantal meldingen',
      intro:
        'Tegen overspoelen: hoeveel meldingen één internetverbinding (IP-adres) mag versturen binnen een tijdvak. De beheerder van het platform bepaalt de grenzen.',
      reports: 'Meldingen per tijdvak',
      reportsHint: 'Tussen 1 en {{max}}.',
      minutes: 'Tijdvak in minuten',
      minutesHint: 'Tussen {{min}} en {{max}} minuten; samen hoogstens {{perHour}} meldingen per uur.',
      explain_one: 'Hoogstens {{reports}} melding per verbinding per {{count}} minuut.',
      explain_other: 'Hoogstens {{reports}} meldingen per verbinding per {{count}} minuten.',
      errors: {
        reports: 'Vul een heel getal in tussen 1 en {{max}}.',
        minutes: 'Vul een aantal minuten in tussen {{min}} en {{max}}.',
        perHour: 'Dat zijn meer dan {{perHour}} meldingen per uur: kies minder meldingen of een langer tijdvak.',
      },
    },
    routing: {
      title: 'Meldingen uit andere gemeenten',
      keep: 'Meldingen over een plek in een andere gemeente zelf houden',
      hint: 'Uit: zo’n melding gaat naar de gemeente waar het gebeurde (of naar het landelijke meldpunt), en de melder ziet dat vóór het versturen. Aan: jouw gemeente ontvangt alle meldingen van je eigen formulier, ook over plekken elders — jij moet ze dan ook opvolgen.',
    },
    figures: {
      title: 'Cijfers',
      label: 'Kleinste aantal dat de cijfers tonen',
      hint: 'Kleinere aantallen tonen de cijfers, de hotspotkaart en de rapportage als “< {{value}}”, zodat niemand herkenbaar is. Van {{min}} tot {{max}}; standaard {{default}}.',
      error: 'Vul een heel getal van {{min}} tot {{max}} in.',
    },
    errors: {
      address: 'Vul een e-mailadres in, zoals oov@gemeente.nl.',
      duplicate: 'Dit adres staat er al; elk adres één keer.',
      origin: 'Dit is geen herkomst: gebruik https://, de naam en eventueel een poort, zonder pad.',
      webhook: 'Vul een https-adres in, zoals https://systeem.gemeente.nl/meldpunt.',
      intro: 'De openingszin is te lang (hoogstens 2000 tekens).',
      other: 'Deze waarde klopt niet.',
    },
    summaryTitle: 'Verbeter deze velden:',
    test: {
      title: 'Testbericht versturen',
      intro:
        'Stuurt een duidelijk gemarkeerd testbericht naar de opgeslagen ontvangers en webhook, via dezelfde weg als echte meldingen. Het is geen melding: het staat nooit in de inbox of in de cijfers. Sla eerst op als je iets hebt gewijzigd.',
      send: 'Testbericht versturen',
      sending: 'Bezig met versturen…',
      unsaved:
        'Je hebt wijzigingen die nog niet zijn opgeslagen; het testbericht gaat naar de opgeslagen instellingen.',
      progress: 'Testbericht van {{time}}',
      done: 'Klaar: het testbericht is bij alle ontvangers aangekomen.',
      doneFailed: 'Klaar: het testbericht kwam niet overal aan. Zie hieronder waarom.',
      noTargets: 'Er is nog geen ontvanger of webhook opgeslagen om een testbericht naar te sturen.',
      tooMany: 'Je hebt net al een paar testberichten verstuurd. {{detail}}',
      email: 'E-mail naar {{target}}',
      webhook: 'Webhook naar {{target}}',
      status: {
        queued: 'In de wachtrij',
        sending: 'Wordt verstuurd',
        retrying: 'Nog niet gelukt; wordt opnieuw geprobeerd (poging {{attempts}})',
        sent: 'Aangekomen',
        failed: 'Mislukt',
      },
      reason: 'Reden: {{reason}}',
      reasons: {
        'smtp-permanent': 'de mailserver weigerde het bericht (code {{code}}). Controleer het adres.',
        'smtp-temporary': 'de mailserver nam het bericht nu niet aan (code {{code}}).',
        http: 'de webhook antwoordde met HTTP-status {{code}} in plaats van 2xx.',
        'webhook-forbidden-address':
          'het webhook-adres wijst naar een niet-openbaar netwerkadres; dat is niet toegestaan.',
        'pgp-key-invalid': 'de PGP-sleutel van deze ontvanger is niet te lezen.',
        'pgp-key-unusable': 'de PGP-sleutel van deze ontvanger kan niet versleutelen (verlopen?).',
        'recipient-removed': 'deze ontvanger is intussen uit de instellingen gehaald.',
        'webhook-removed': 'de webhook is intussen uit de instellingen gehaald.',
        timeout: 'er kwam geen antwoord op tijd.',
        network: 'de server was niet te bereiken ({{code}}).',
        other: 'onbekende fout ({{code}}).',
      },
    },
  },
  // The embed page: snippets, CSP, hosted page and QR code.
  embed: {
    title: 'Insluiten op je website',
    intro:
      'Zo zet je webmaster het meldformulier op de website van de gemeente. Kopieer een van de twee codes en plak die in de pagina (in het CMS: een blok voor HTML).',
    notPublished:
      'Dit meldformulier is nog niet gepubliceerd. De code werkt pas na de eerste publicatie; de bronnen hieronder zijn de standaardwaarden.',
    moduleTitle: 'Code voor moderne websites (aanbevolen)',
    moduleHint: 'Een script met type="module" en het element van het formulier.',
    classicTitle: 'Code voor een CMS zonder type="module"',
    classicHint: 'Een gewoon script met defer; het laadt dezelfde code.',
    copyModule: 'Code voor moderne websites kopiëren',
    copyClassic: 'Code voor een CMS zonder type="module" kopiëren',
    copied: 'Gekopieerd',
    copyFailed: 'Kopiëren is niet gelukt; selecteer de code en kopieer die zelf.',
    languageHint:
      'Het formulier spreekt de taal van de pagina (<html lang>) als de gemeente die aanbiedt, anders de standaardtaal. Vast zetten kan met het attribuut locale, bijvoorbeeld locale="en".',
    cspTitle: 'Content-Security-Policy (CSP)',
    cspIntro:
      'Heeft de website een Content-Security-Policy? Voeg dan deze bronnen toe aan de bestaande regels (niet vervangen):',
    copyCsp: 'CSP-regels kopiëren',
    csp: {
      script: 'het script van het formulier',
      connect: 'de configuratie en het versturen van meldingen, en het zoeken van adressen',
      img: 'het logo en de kaarttegels',
      style:
        "niets toevoegen: het formulier gebruikt geen stijlbestanden of style-attributen; style-src 'self' is genoeg.",
      trustedTypes:
        "Dwingt de website Trusted Types af (require-trusted-types-for 'script') of heeft de CSP een regel trusted-types? Zet daar dan lit-html bij: dat is de enige policy die het formulier maakt. Gebruikt de website zelf ook Lit, voeg dan ook 'allow-duplicates' toe.",
    },
    originsTitle: 'Toegestane websites',
    originsAdmin:
      'Het formulier verstuurt alleen meldingen vanaf websites die in de privé-instellingen staan. Zet de website van de pagina daar, bijvoorbeeld https://www.gemeente.nl.',
    originsLink: 'Naar de privé-instellingen',
    originsOther:
      'Het formulier verstuurt alleen meldingen vanaf websites die de beheerder van je gemeente heeft toegestaan. Vraag de beheerder om de website van de pagina toe te voegen.',
    hostedTitle: 'Meldpagina van Meldpunt',
    hostedIntro:
      'Staat het CMS geen scripts toe, of wil je een korte link voor een campagne? Deze pagina heeft alleen het meldformulier van je gemeente.',
    hostedLink: '{{url}} (opent in een nieuw tabblad)',
    qrTitle: 'QR-code voor posters',
    qrIntro:
      'De QR-code verwijst naar de meldpagina hierboven. Voor posters en flyers, bijvoorbeeld in uitgaansgebieden.',
    qrAlt: 'QR-code naar de meldpagina {{url}}',
    qrSvg: 'QR-code downloaden als SVG (voor drukwerk)',
    qrPng: 'QR-code downloaden als PNG (1024 × 1024 pixels)',
    qrNotPublished: 'De QR-code is er zodra het meldformulier is gepubliceerd.',
  },
};
