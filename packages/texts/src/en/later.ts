import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { later as nl } from '../nl/later.ts';

/** The texts shown only after the Where step (see `../nl/later.ts`). */
export const later: TextTree<typeof nl, PluralCategories['en']> = {
  nav: {
    send: 'Send report',
    sending: 'Sending your report…',
    change: 'Change',
    changeSection: 'Change: {{section}}',
  },
  errors: {
    emailInvalid: 'This e-mail address is not valid.',
    phoneInvalid: 'This phone number is not valid.',
    contactNeeded: 'Fill in an e-mail address or phone number, so we can reach you.',
    tooLong: 'This text is too long.',
    invalid: 'This answer is not valid.',
    network:
      'Your report has not been sent yet: there is no connection. Your answers stay here while this page is open.',
    offline: 'As soon as you are connected again, we will send your report automatically.',
    server:
      'Your report has not been sent yet: something went wrong on our side. Your answers stay here. Please try again.',
    rateLimit_one: 'Many reports were sent in a short time. Please try again in {{count}} minute.',
    rateLimit_other: 'Many reports were sent in a short time. Please try again in {{count}} minutes.',
    tryAgain: 'Try again',
  },
  steps: {
    details: {
      hint: 'Nothing on this step is required.',
      description: 'What happened?',
      descriptionHint: 'Tell as much as you want. Please do not write names or contact details of other people.',
      remaining_one: '{{count}} character left',
      remaining_other: '{{count}} characters left',
      intervened: 'Did anyone step in or help?',
      yes: 'Yes',
      no: 'No',
      unknown: 'I do not know',
      optional: 'optional',
      why: 'Why do we ask this?',
      choose: 'Choose…',
    },
    contact: {
      intro: 'This is not required. Without details you report anonymously.',
      whoSees:
        'Only staff of {{name}} who handle reports see your details. They use them only to contact you about this report. We store them encrypted and delete them after {{duration}}.',
      legend: 'Contact',
      anonymous: 'No, I report anonymously',
      wantsFollowUp: 'Yes, please contact me',
      name: 'Name',
      email: 'E-mail address',
      phone: 'Phone number',
      needOne: 'Fill in an e-mail address or a phone number (or both).',
    },
    review: {
      intro: 'Is everything right? Then you can send your report.',
      who: 'Who',
      what: 'What',
      when: 'When',
      where: 'Where',
      details: 'Details',
      intervened: 'Stepped in or helped',
      contact: 'Contact',
      anonymous: 'Anonymous',
      empty: 'Not filled in',
      privacy: 'How we handle your data',
      retention: 'We keep your report for {{duration}}. We do not store IP addresses.',
    },
    done: {
      reference: 'Your report number',
      receipt: 'Your receipt code',
      receiptHint:
        'Keep this code safe. With it you can follow up on your report, read messages from the municipality and answer them, even when you report anonymously. We show the code only once: we cannot show it again later.',
      referenceHint: 'Write this number down if you want to contact us about this report later.',
      next: 'What happens now?',
      nextActive: 'Staff of {{name}} read your report. If you asked to be contacted, they will contact you.',
      noFollowUp:
        'Please note: {{name}} does not contact people about reports. Do you want help, or do you want to file a police report? Then please contact the organisations under Help and information yourself, or the police (0900-8844).',
      another: 'Report something else',
    },
  },
  roles: {
    victim: 'It happened to me',
    bystander: 'I saw it happen',
    other: 'Other',
  },
};
