import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { mail as nl } from '../nl/mail.ts';

/** English texts of the e-mail a municipality receives for a report. */
export const mail: TextTree<typeof nl, PluralCategories['en']> = {
  subject: 'New report {{reference}} – {{tenant}}',
  heading: 'New street harassment report',
  intro: 'A report came in through the reporting point of {{tenant}}.',
  labels: {
    reference: 'Reference',
    received: 'Received',
    categories: 'What happened',
    role: 'Reported by',
    when: 'When',
    where: 'Where',
    coordinates: 'Coordinates',
    place: 'Place in words',
    map: 'Map',
    description: 'Description',
    intervened: 'Someone intervened or helped',
    extra: 'Extra questions',
    contact: 'Contact details',
    name: 'Name',
    email: 'E-mail address',
    phone: 'Phone number',
    wantsFollowUp: 'Wants to be contacted',
    language: 'Language of the report',
    reportedVia: 'Reported via',
  },
  openMap: 'Open on the map',
  notGiven: 'Not given',
  anonymous: 'No contact details: the reporter is anonymous.',
  answers: { yes: 'Yes', no: 'No', unknown: 'The reporter does not know' },
  roles: { victim: 'It happened to the reporter', bystander: 'Witness: saw it happen', other: 'Other' },
  partsOfDay: {
    night: 'night (0 to 6 h)',
    morning: 'morning (6 to 12 h)',
    afternoon: 'afternoon (12 to 18 h)',
    evening: 'evening (18 to 24 h)',
  },
  approximately: 'around {{date}} (the reporter does not know exactly)',
  sources: {
    map: 'chosen on the map',
    search: 'found by address search',
    device: 'location of the device',
    text: 'described in words',
  },
  accuracy_one: 'accurate to about {{count}} metre',
  accuracy_other: 'accurate to about {{count}} metres',
  footer:
    'This message was sent automatically by Meldpunt. The reporter does not see replies to this e-mail. Treat the details as confidential.',
};
