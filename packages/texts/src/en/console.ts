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
  sso: {
    signInTitle: 'Sign in with your municipality’s sign-in system',
    signInIntro:
      'Does your municipality have its own sign-in system? Choose your municipality; you sign in there and come back here.',
    municipality: 'Municipality',
    choose: 'Choose your municipality',
    chooseFirst: 'Choose your municipality first.',
    go: 'Sign in at my municipality',
    failed:
      'Signing in through your municipality did not work. Please try again. If it keeps failing, ask your municipality’s administrator for an invitation.',
    sectionTitle: 'Single sign-on',
    sectionHint: 'Let staff sign in with the municipality’s own sign-in system.',
    title: 'Single sign-on',
    intro:
      'Staff can sign in with the municipality’s own sign-in system (OpenID Connect). It never grants access by itself: the first time, a person is linked to an existing membership or an invitation by a verified e-mail address. After that only that link counts, even if the e-mail address changes.',
    redirectUri: 'Redirect URI',
    redirectUriHint: 'Register this address at the sign-in system as Meldpunt’s redirect URI.',
    copy: 'Copy redirect URI',
    copied: 'Copied',
    copyFailed: 'Copying did not work; select the address and copy it yourself.',
    notConfigured: 'No sign-in system has been set up yet.',
    updatedAt: 'Last changed: {{date}}',
    issuer: 'Issuer (address of the sign-in system)',
    issuerHint: 'The address before /.well-known/openid-configuration, for example https://login.gemeente.nl.',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    clientSecretHintNew: 'The secret the sign-in system gave for Meldpunt. Once saved, it cannot be seen again.',
    clientSecretHintSet: 'Set — leave empty to keep it. It cannot be seen again.',
    domains: 'Allowed e-mail domains',
    domainsHint:
      'One per line, for example gemeente.nl. Only a verified address at one of these domains can be linked the first time.',
    enabled: 'Offer it on the sign-in page',
    save: 'Save',
    saving: 'Saving…',
    saved: 'The settings have been saved.',
    remove: 'Remove single sign-on',
    removed: 'Single sign-on has been removed.',
    invalid: 'Not saved. Correct the fields with an error message.',
    discoveryFailed:
      'Not saved: the sign-in system at this address did not answer as an OpenID provider. Check the address and that Meldpunt can reach it.',
    errors: {
      issuer: 'Fill in the https address of the sign-in system, without a question mark or #.',
      clientId: 'Fill in the client ID.',
      clientSecret: 'Fill in the client secret the sign-in system gave.',
      allowedEmailDomains: 'Fill in at least one domain, like gemeente.nl (one per line).',
      other: 'This value is not right.',
    },
  },
};
