import type { PluralCategories, TextTree } from '../../text-tree.ts';
import type { settingsTexts as nl } from '../../nl/console-config/settings.ts';

/** The configuration console's texts in English: the private settings and the embed page. */
export const settingsTexts: TextTree<typeof nl, PluralCategories['en']> = {
  privateSettings: {
    title: 'Private settings',
    intro:
      'These settings are for admins only and are never part of the reporting form’s public configuration. They apply as soon as they are saved; no publishing needed.',
    notAvailable:
      'The private settings are for this municipality’s admin only. Ask your admin if something needs to change.',
    lastSaved: 'Last saved by {{name}} on {{date}}.',
    lastSavedUnknown: 'Last saved on {{date}}.',
    neverSaved: 'Not saved in the console yet (set when the municipality joined).',
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'The settings have been saved.',
    invalid_one: 'Not saved: {{count}} field still needs correcting.',
    invalid_other: 'Not saved: {{count}} fields still need correcting.',
    stale: 'Not saved: someone else saved these settings in the meantime.',
    staleBy: 'Not saved: {{name}} saved these settings in the meantime.',
    staleAt: 'Saved on {{date}}.',
    staleHelp:
      'What you typed is still in the form. Choose: load the new version (your changes are dropped), or keep your values and save them over the new version.',
    staleReload: 'Load the new version',
    staleKeep: 'Save my values over the new version',
    origins: {
      title: 'Allowed websites (origins)',
      label: 'Websites that may embed the reporting form',
      hint: 'One per line, only https://, the host name and a port if any — no path. For example https://www.municipality.nl.',
      lineError: 'Line {{line}} ({{origin}}): {{message}}',
      checkLabel: 'May my page send reports?',
      checkHint:
        'Type the address of the page the form is on. It is checked against the saved list, not against changes you have not saved yet.',
      check: 'Check',
      checking: 'Checking…',
      checkEmpty: 'Type an address first, such as https://www.municipality.nl/report.',
      reasons: {
        allowed: 'Yes: {{origin}} is in the list. A page on this website may send reports.',
        'not-listed': 'No: {{origin}} is not in the saved list. Add it and save.',
        'http-in-production': 'No: {{origin}} uses http. Only https pages may send reports; use https://.',
        'has-path':
          'This address has a path. The list holds only the origin: {{origin}}. That is what a browser sends; put that in the list.',
        'not-an-origin': 'This is not a web address. Type it like https://www.municipality.nl.',
      },
    },
    recipients: {
      title: 'E-mail recipients',
      intro:
        'Every report is sent to these addresses at once. With a PGP key the e-mail is encrypted: only the key’s holder can read it.',
      none: 'There are no e-mail recipients.',
      recipient: 'Recipient {{number}}',
      address: 'E-mail address',
      key: 'PGP key (optional)',
      keyHintNew: 'Paste the public key (it starts with -----BEGIN PGP PUBLIC KEY BLOCK-----). Empty: not encrypted.',
      keyHintReplace: 'Paste a new public key to replace the current one; leave empty to keep the current one.',
      stored: 'Current key',
      fingerprint: 'Fingerprint',
      userIds: 'User IDs',
      expires: 'Expires',
      expiresNever: 'Does not expire',
      expired: 'Expired on {{date}}',
      removeKey: 'Remove the key (stop encrypting the e-mail)',
      add: 'Add a recipient',
      remove: 'Remove recipient {{number}}',
      max: 'There can be at most {{count}} recipients.',
    },
    mail: {
      title: 'The e-mail to the municipality',
      locale: 'Language of the e-mail',
      localeDefault: 'Dutch (default)',
      intro: 'Opening line of your own (optional)',
      introHint:
        'At the top of every e-mail, for example who picks up the report. Plain text, at most 2000 characters.',
    },
    locales: {
      nl: 'Dutch',
      en: 'English',
      ar: 'Arabic',
      tr: 'Turkish',
      pl: 'Polish',
      uk: 'Ukrainian',
    },
    webhook: {
      title: 'Webhook',
      intro:
        'Have Meldpunt also send every report to a system of your own (a POST with JSON, signed as Standard Webhooks specifies). Empty: no webhook.',
      url: 'Webhook address',
      urlHint: 'An https address that can be reached from the internet.',
      secretSet: 'A secret is set since {{date}}.',
      secretSetImported: 'A secret is set (when the municipality joined).',
      secretNew: 'When you save, Meldpunt makes a secret to sign the messages; you see it once.',
      rotate: 'Generate a new secret',
      rotateTitle: 'Generate a new webhook secret?',
      rotateText:
        'The settings are saved and a new secret is made. The old secret stops working at once: put the new one in your own system straight away.',
      rotateConfirm: 'Save and generate a new secret',
      cancel: 'Cancel',
      newSecretTitle: 'New webhook secret — store it now',
      newSecretText:
        'Copy this secret into your own system. It is not shown again: once you leave or reload this page, it is gone.',
      copy: 'Copy the secret',
    },
    rateLimit: {
      title: 'Limit on the number of reports',
      intro:
        'Against flooding: how many reports one internet connection (IP address) may send within a period. The platform operator sets the bounds.',
      reports: 'Reports per period',
      reportsHint: 'Between 1 and {{max}}.',
      minutes: 'Period in minutes',
      minutesHint: 'Between {{min}} and {{max}} minutes; together at most {{perHour}} reports per hour.',
      explain_one: 'At most {{reports}} report(s) per connection per {{count}} minute.',
      explain_other: 'At most {{reports}} report(s) per connection per {{count}} minutes.',
      errors: {
        reports: 'Enter a whole number between 1 and {{max}}.',
        minutes: 'Enter a number of minutes between {{min}} and {{max}}.',
        perHour: 'That is more than {{perHour}} reports per hour: choose fewer reports or a longer period.',
      },
    },
    routing: {
      title: 'Reports from other municipalities',
      keep: 'Keep reports about a place in another municipality here',
      hint: 'Off: such a report goes to the municipality where it happened (or to the national reporting point), and the reporter sees that before sending. On: your municipality receives every report of its own form, also about places elsewhere — and must then follow them up.',
    },
    figures: {
      title: 'Figures',
      label: 'Smallest count shown in the figures',
      hint: 'Smaller counts show as “< {{value}}” in the figures, the hotspot map and the council report, so nobody can be recognised. From {{min}} to {{max}}; {{default}} by default.',
      error: 'Enter a whole number from {{min}} to {{max}}.',
    },
    errors: {
      address: 'Enter an e-mail address, such as safety@municipality.nl.',
      duplicate: 'This address is listed already; each address once.',
      origin: 'This is not an origin: use https://, the host name and a port if any, without a path.',
      webhook: 'Enter an https address, such as https://system.municipality.nl/meldpunt.',
      intro: 'The opening line is too long (at most 2000 characters).',
      other: 'This value is not right.',
    },
    summaryTitle: 'Correct these fields:',
    test: {
      title: 'Send a test delivery',
      intro:
        'Sends a clearly marked test message to the saved recipients and webhook, the same way real reports go. It is no report: it never shows in the inbox or in the figures. Save first if you changed something.',
      send: 'Send a test delivery',
      sending: 'Sending…',
      unsaved: 'You have changes that are not saved yet; the test delivery goes to the saved settings.',
      progress: 'Test delivery of {{time}}',
      done: 'Done: the test delivery reached every recipient.',
      doneFailed: 'Done: the test delivery did not arrive everywhere. See below why.',
      noTargets: 'No recipient or webhook is saved yet to send a test delivery to.',
      tooMany: 'You have just sent a few test deliveries. {{detail}}',
      email: 'E-mail to {{target}}',
      webhook: 'Webhook to {{target}}',
      status: {
        queued: 'Queued',
        sending: 'Sending',
        retrying: 'Not yet delivered; trying again (attempt {{attempts}})',
        sent: 'Delivered',
        failed: 'Failed',
      },
      reason: 'Reason: {{reason}}',
      reasons: {
        'smtp-permanent': 'the mail server refused the message (code {{code}}). Check the address.',
        'smtp-temporary': 'the mail server did not take the message now (code {{code}}).',
        http: 'the webhook answered with HTTP status {{code}} instead of 2xx.',
        'webhook-forbidden-address':
          'the webhook address points to a non-public network address, which is not allowed.',
        'pgp-key-invalid': 'this recipient’s PGP key cannot be read.',
        'pgp-key-unusable': 'this recipient’s PGP key cannot encrypt (expired?).',
        'recipient-removed': 'this recipient has been removed from the settings meanwhile.',
        'webhook-removed': 'the webhook has been removed from the settings meanwhile.',
        timeout: 'no answer came in time.',
        network: 'the server could not be reached ({{code}}).',
        other: 'unknown error ({{code}}).',
      },
    },
  },
  embed: {
    title: 'Embedding on your website',
    intro:
      'This is how your webmaster puts the reporting form on the municipality’s website. Copy one of the two snippets and paste it into the page (in the CMS: an HTML block).',
    notPublished:
      'This reporting form is not published yet. The snippet works after the first publication; the sources below are the defaults.',
    moduleTitle: 'Snippet for modern websites (recommended)',
    moduleHint: 'A script with type="module" and the form’s element.',
    classicTitle: 'Snippet for a CMS without type="module"',
    classicHint: 'A plain script with defer; it loads the same code.',
    copyModule: 'Copy the snippet for modern websites',
    copyClassic: 'Copy the snippet for a CMS without type="module"',
    copied: 'Copied',
    copyFailed: 'Copying did not work; select the snippet and copy it yourself.',
    languageHint:
      'The form speaks the page’s language (<html lang>) if the municipality offers it, else its default language. To fix it, use the locale attribute, for example locale="en".',
    cspTitle: 'Content-Security-Policy (CSP)',
    cspIntro:
      'Does the website have a Content-Security-Policy? Then add these sources to its existing directives (do not replace them):',
    copyCsp: 'Copy the CSP lines',
    csp: {
      script: 'the form’s script',
      connect: 'the configuration, sending reports, and the address search',
      img: 'the logo and the map tiles',
      style: "add nothing: the form uses no style sheets to load and no style attributes; style-src 'self' is enough.",
      trustedTypes:
        "Does the website enforce Trusted Types (require-trusted-types-for 'script') or have a trusted-types directive? Then add lit-html to it: that is the only policy the form creates. If the website itself also uses Lit, add 'allow-duplicates' as well.",
    },
    originsTitle: 'Allowed websites',
    originsAdmin:
      'The form only sends reports from websites listed in the private settings. Put the page’s website there, for example https://www.municipality.nl.',
    originsLink: 'Go to the private settings',
    originsOther:
      'The form only sends reports from websites your municipality’s admin has allowed. Ask the admin to add the page’s website.',
    hostedTitle: 'Meldpunt’s reporting page',
    hostedIntro:
      'Does the CMS not allow scripts, or do you want a short link for a campaign? This page holds only your municipality’s reporting form.',
    hostedLink: '{{url}} (opens in a new tab)',
    qrTitle: 'QR code for posters',
    qrIntro: 'The QR code points to the reporting page above. For posters and flyers, for example in nightlife areas.',
    qrAlt: 'QR code to the reporting page {{url}}',
    qrSvg: 'Download the QR code as SVG (for print)',
    qrPng: 'Download the QR code as PNG (1024 × 1024 pixels)',
    qrNotPublished: 'The QR code is available once the reporting form is published.',
  },
};
