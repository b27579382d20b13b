/** The configuration console's texts in English: the live preview of the real widget and the e-mail. */
export const previewTexts = {
  preview: {
    title: 'Preview',
    intro:
      'This is the reporting form with the draft, exactly as residents get it. Whatever you send from this preview is not stored and not forwarded.',
    loading: 'Loading the preview…',
    loadError: 'The preview could not be loaded. Check the connection and try again.',
    retry: 'Try again',
    phone: 'On a phone (360 pixels wide)',
    desktop: 'On a computer (720 pixels wide)',
    compact: 'On a phone',
    locale: 'Language of the preview',
    step: 'Step of the form',
    stepHint: 'Jumps to the step without checking the questions before it.',
    steps: {
      who: 'Who is reporting',
      what: 'What happened',
      when: 'When',
      where: 'Where',
      details: 'Details',
      contact: 'Contact',
      review: 'Check and send',
      sent: 'After sending (confirmation)',
    },
    languages: {
      nl: 'Dutch',
      en: 'English',
      ar: 'Arabic',
      tr: 'Turkish',
      pl: 'Polish',
      uk: 'Ukrainian',
    },
    mail: {
      title: 'The e-mail the municipality receives',
      sample: 'Sample: this report was not stored and this e-mail was not sent.',
      subject: 'Subject',
      body: 'Text',
      empty: 'Send a report from the preview to see the e-mail the municipality receives.',
    },
    sendError: {
      draft: 'The preview could not be sent: the draft still has errors. Fix them first.',
      failed: 'The preview could not be sent. Please try again.',
    },
  },
};
