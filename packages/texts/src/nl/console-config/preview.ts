/** The configuration console's texts in Dutch (the source): the live preview of the real widget and the e-mail. */
export const previewTexts = {
  preview: {
    title: 'Voorbeeld',
    intro:
      'Zo ziet het meldformulier eruit met het concept, precies zoals inwoners het krijgen. Wat u verstuurt vanuit dit voorbeeld wordt niet bewaard en niet doorgestuurd.',
    loading: 'Het voorbeeld wordt geladen…',
    loadError: 'Het voorbeeld kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.',
    retry: 'Opnieuw proberen',
    phone: 'Op een telefoon (360 pixels breed)',
    desktop: 'Op een computer (720 pixels breed)',
    compact: 'Op een telefoon',
    locale: 'Taal van het voorbeeld',
    step: 'Stap van het formulier',
    stepHint: 'Springt naar de stap zonder de vragen ervoor te controleren.',
    steps: {
      who: 'Wie meldt er',
      what: 'Wat is er gebeurd',
      when: 'Wanneer',
      where: 'Waar',
      details: 'Toelichting',
      contact: 'Contact',
      review: 'Controleren en versturen',
      sent: 'Na het versturen (bevestiging)',
    },
    languages: {
      nl: 'Nederlands',
      en: 'Engels',
      ar: 'Arabisch',
      tr: 'Turks',
      pl: 'Pools',
      uk: 'Oekraïens',
    },
    mail: {
      title: 'De e-mail die de gemeente ontvangt',
      sample: 'Voorbeeld: deze melding is niet bewaard en deze e-mail is niet verstuurd.',
      subject: 'Onderwerp',
      body: 'Tekst',
      empty: 'Verstuur een melding vanuit het voorbeeld om de e-mail te zien die de gemeente ontvangt.',
    },
    sendError: {
      draft: 'Het voorbeeld kon niet worden verstuurd: het concept heeft nog fouten. Los die eerst op.',
      failed: 'Het voorbeeld kon niet worden verstuurd. Probeer het opnieuw.',
    },
  },
};
