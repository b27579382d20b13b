import type { newTenant as nlNewTenant, staffMail as nl } from '../nl/staff-mail.ts';
import type { TextTree } from '../text-tree.ts';

/** English texts of the invitation mail (namespace `staffMail`); Dutch is the source. */
export const staffMail: TextTree<typeof nl> = {
  subject: 'Invitation to Meldpunt – {{tenant}}',
  subjectPlatform: 'Invitation to Meldpunt – platform administration',
  heading: 'You are invited to Meldpunt',
  intro: '{{inviter}} invites you to work on the street harassment reporting point of {{tenant}}.',
  introPlatform: '{{inviter}} invites you as an administrator of the Meldpunt platform.',
  someone: 'The Meldpunt administrators',
  roles: 'Your roles: {{roles}}.',
  roleNames: {
    'platform-admin': 'platform administration',
    admin: 'administrator',
    editor: 'editor',
    publisher: 'publisher',
    officer: 'officer (public order and safety)',
    analyst: 'analyst',
  },
  action: 'Open this link to create a passkey and sign in:',
  expires: 'The link works once and expires on {{date}} (after 72 hours).',
  ignore: 'If you did not expect this invitation, ignore this e-mail; nothing will happen.',
  footer: 'This e-mail was sent automatically by Meldpunt. Do not forward the link to anyone.',
  testDelivery: {
    subject: 'TEST – test delivery from Meldpunt – {{tenant}}',
    heading: 'This is a test, not a report',
    intro:
      'An administrator of {{tenant}} sent a test delivery on {{date}}. If this message arrives, the reports of the reporting point arrive here too.',
    nothing: 'Nothing was reported and nothing needs to be done.',
    footer: 'This e-mail was sent automatically by Meldpunt.',
  },
};

/** A new municipality's first configuration, in English. */
export const newTenant: TextTree<typeof nlNewTenant> = {
  name: 'Municipality of {{municipality}}',
  logoAlt: 'Logo of the municipality of {{municipality}}',
  responseTitle: 'Thank you for your report',
  responseBody:
    'It is good that you reported this. What happened is not okay. It is never your fault. Your report helps the municipality of {{municipality}} see where and when street harassment happens. Do you want help, or do you want to file a police report? Contact the police (0900-8844 or politie.nl) or Victim Support Netherlands (Slachtofferhulp Nederland, 0900-0101). Are you in danger right now? Call 112.',
  privacy:
    'Your report is read by the municipality of {{municipality}}. If you leave contact details, we store them encrypted and delete them after 1 month. We keep the report itself for 12 months. We do not store your IP address.',
};
