import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { consoleTexts as nl } from '../nl/console.ts';

/** The console's texts in English. */
export const consoleTexts: TextTree<typeof nl, PluralCategories['en']> = {
  app: {
    name: 'Meldpunt console',
    skipLink: 'Skip to content',
    loading: 'Loading…',
    retry: 'Try again',
    language: 'Nederlands',
    languageLabel: 'Schakel naar Nederlands',
    mainNavigation: 'Main menu',
  },
  errors: {
    network: 'The console cannot reach the server. Check your connection and try again.',
    server: 'Something went wrong on our side. Please try again in a few minutes.',
    reference: 'Reference for the administrator: {{id}}',
  },
  header: {
    signedInAs: 'Signed in as {{name}}',
    account: 'Account',
    signOut: 'Sign out',
    signOutEverywhere: 'Sign out everywhere',
    signOutEverywhereHint: 'Also on other devices and in other browsers',
    signedOut: 'You are signed out.',
    signedOutEverywhere: 'You are signed out everywhere.',
  },
  signIn: {
    title: 'Sign in',
    intro: 'The console is for staff of municipalities taking part in Meldpunt. Access is by invitation only.',
    noMethods:
      'Signing in with a passkey or with your municipality’s sign-in system is coming soon. Did you receive an invitation? Keep the e-mail.',
    demoTitle: 'Demo: sign in as an example staff member',
    demoIntro: 'This is a demonstration. Choose an example staff member; you only see example data.',
    demoBadge: 'Demo',
    demoSignInAs: 'Sign in as {{name}}',
    platformAdmin: 'Platform administrator',
    rolesAt: '{{roles}} at {{tenant}}',
    failed: 'Signing in did not work. Please try again.',
    expired: 'You were signed out automatically because you were inactive for a while. Sign in again to continue.',
  },
  roles: {
    admin: 'administrator',
    editor: 'editor',
    publisher: 'publisher',
    officer: 'case officer',
    analyst: 'analyst',
  },
  session: {
    warningTitle: 'Stay signed in?',
    warningText_one:
      'You will be signed out in {{count}} second because you have been inactive for a while. What you have typed stays.',
    warningText_other:
      'You will be signed out in {{count}} seconds because you have been inactive for a while. What you have typed stays.',
    stay: 'Stay signed in',
    signOutNow: 'Sign out now',
    expiredTitle: 'You are signed out',
    expiredText:
      'You were inactive for a while, so you were signed out automatically. Whatever is still on this page has not been saved.',
    signInAgain: 'Sign in again',
    stayFailed: 'Staying signed in did not work. Please try again.',
  },
  tenants: {
    title: 'Municipalities',
    intro: 'Choose the municipality you want to work for.',
    allIntro: 'As platform administrator you see every municipality.',
    empty: 'You do not have access to a municipality yet. Ask your municipality’s administrator for an invitation.',
    demo: 'Demo',
    published_one: 'Published: version {{count}}',
    published_other: 'Published: version {{count}}',
    notPublished: 'Not published yet',
    lastReport: 'Last report: {{date}}',
    noReports: 'No reports yet',
    failing_one: '{{count}} delivery failing',
    failing_other: '{{count}} deliveries failing',
    yourRoles: 'Your roles: {{roles}}',
  },
  tenant: {
    title: '{{tenant}}',
    intro: 'What you can do here depends on your roles: {{roles}}.',
    noRoles: 'You have no role at this municipality.',
    sections: 'Sections',
    notFound: 'This municipality does not exist, or you have no access to it.',
    allTenants: 'All municipalities',
  },
  sections: {
    configuration: 'Reporting form settings',
    configurationHint: 'Texts, categories, branding and publishing.',
    reports: 'Reports',
    reportsHint: 'Handle the reports that come in.',
  },
  configuration: {
    title: 'Reporting form settings',
    comingSoon:
      'Soon you will adjust your municipality’s reporting form here: texts, categories, branding and the area. You first see changes as a preview, then publish them.',
  },
  reports: {
    title: 'Reports',
    comingSoon:
      'Soon you will handle the reports your municipality receives here. For now, reports still go by e-mail to the address your municipality gave.',
  },
  notFound: {
    title: 'Page not found',
    text: 'This page does not exist.',
    home: 'Go to the start',
  },
};
