import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { core as nl } from '../nl/core.ts';

/** English. Plain language, never victim-blaming. */
export const core: TextTree<typeof nl, PluralCategories['en']> = {
  intro: {
    title: 'Report street harassment',
    body: 'Did something happen to you on the street, while going out or on public transport, or did you see it happen? That is not okay. Your report shows the municipality where and when it happens.',
  },
  app: {
    loading: 'Loading the form…',
    loadError: 'The form cannot be loaded right now. Please try again later. Are you in danger right now? Call 112.',
    retry: 'Try again',
    anonymous: 'You report anonymously, unless you fill in your details yourself.',
  },
  emergency: {
    text: 'Are you in danger right now? Call 112.',
    call: 'Call 112',
  },
  quickExit: {
    button: 'Quick exit',
    label: 'Quick exit: leave this page at once',
    hint: 'Tip: press Escape twice to leave this page quickly.',
  },
  language: {
    label: 'Language',
  },
  help: {
    toggle: 'Help and information',
    title: 'Help and information',
    intro:
      'What happened to you is not your fault. Talking often helps. These organisations listen and help, for free.',
    notPolice: 'A report is not a police report.',
    police: 'Do you want to file a police report? You can do that with the police: at politie.nl or 0900-8844.',
    punishable: 'Sexual street harassment is a criminal offence.',
    call: 'Call {{phone}}',
    website: 'Website of {{name}}',
    referrals: {
      slachtofferhulp: {
        name: 'Victim Support Netherlands (Slachtofferhulp)',
        description: 'Talk about what happened, help and advice.',
      },
      csg: {
        name: 'Sexual Assault Centre (Centrum Seksueel Geweld)',
        description: 'For sexual violence that happened recently: available day and night.',
      },
      veiligThuis: {
        name: 'Veilig Thuis',
        description: 'Advice and help with domestic violence and child abuse.',
      },
      mma: {
        name: 'Report Crime Anonymously (Meld Misdaad Anoniem)',
        description: 'Give information about a crime anonymously.',
      },
    },
  },
  followUp: {
    open: 'Follow up on my report',
  },
  progress: 'Step {{current}} of {{total}}',
  nav: {
    back: 'Back',
    next: 'Next',
  },
  errors: {
    summaryTitle: 'Please check this:',
    roleRequired: 'Choose what fits best.',
    categoriesRequired: 'Choose at least one kind.',
    dateRequired: 'Fill in a date.',
    dateInvalid: 'This date is not valid.',
    dateFuture: 'This date is in the future.',
    timeRequired: 'Fill in a time, or choose another answer above.',
    partOfDayRequired: 'Choose a part of the day.',
    locationRequired: 'Choose a place, or describe the place in words.',
  },
  steps: {
    who: {
      title: 'Who is reporting?',
      legend: 'What fits best?',
      victim: 'It happened to me',
      bystander: 'I saw it happen',
      other: 'Other',
      otherHint: 'For example: it happened to someone I know.',
    },
    what: {
      title: 'What happened?',
      legend: 'Choose what fits. More than one is fine.',
    },
    when: {
      title: 'When did it happen?',
      hint: 'Even if it was long ago, your report is welcome.',
      legend: 'How well do you remember?',
      exact: 'I know the date and time',
      partOfDay: 'I know the date and the part of the day',
      approximate: 'I do not remember exactly',
      date: 'Date',
      approximateDate: 'Roughly which date?',
      approximateHint: 'An estimate is fine.',
      time: 'Time',
      partOfDayLabel: 'Part of the day',
      choose: 'Choose…',
      parts: {
        night: 'Night (0 to 6 am)',
        morning: 'Morning (6 am to 12 noon)',
        afternoon: 'Afternoon (12 noon to 6 pm)',
        evening: 'Evening (6 pm to midnight)',
      },
    },
    where: {
      title: 'Where did it happen?',
      hint: 'Search for an address, use your location, choose on the map or describe the place. One way is enough.',
    },
    details: {
      title: 'Is there anything else you want to tell?',
    },
    contact: {
      title: 'Do you want us to contact you?',
    },
    review: {
      title: 'Check your report',
    },
  },
  categories: {
    verbal: { label: 'Remarks or calling after', description: 'For example sexual remarks, name-calling or hissing.' },
    sounds: { label: 'Sounds or whistling', description: 'For example whistling, kissing sounds or honking.' },
    gestures: { label: 'Gestures', description: 'For example sexual or threatening gestures.' },
    following: { label: 'Following', description: 'Someone walked, cycled or drove after you.' },
    touching: { label: 'Unwanted touching', description: 'For example groping, grabbing or standing up against you.' },
    exposure: { label: 'Indecent exposure', description: 'Someone exposed themselves.' },
    filming: { label: 'Filming or photographing', description: 'Without you wanting it.' },
    threat: { label: 'Threats or violence', description: 'For example threatening, pushing or hitting.' },
    discrimination: {
      label: 'Discrimination',
      description: 'For example because of skin colour, origin, religion, gender, sexual orientation or a disability.',
    },
    other: { label: 'Something else', description: 'Something that is not listed above.' },
  },
};
