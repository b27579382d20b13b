import MailComposer from 'nodemailer/lib/mail-composer';
import MimeNode from 'nodemailer/lib/mime-node';
import * as openpgp from 'openpgp';
import { readPublicKey } from '../secrets/pgp-key.ts';
import { PermanentDeliveryError } from './classify.ts';
import { automaticHeaders } from './mailer.ts';

export interface PgpMailInput {
  from: string;
  to: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  /** The recipient's ASCII-armoured OpenPGP public key. */
  armoredKey: string;
}

/**
 * A PGP/MIME message (RFC 3156): the whole report — a complete MIME entity with its text and HTML
 * parts, built by nodemailer's MailComposer — is encrypted to the recipient's key and sent as
 * `multipart/encrypted` with the `application/pgp-encrypted` version part and the armoured data.
 * Only the routing headers and the subject (the reference, no report content) stay readable.
 */
export async function pgpMimeMessage(input: PgpMailInput): Promise<Buffer> {
  let key: openpgp.PublicKey;
  try {
    key = await readPublicKey(input.armoredKey);
  } catch {
    throw new PermanentDeliveryError('pgp-key-invalid', 'The recipient’s OpenPGP key cannot be read');
  }
  const inner = await new MailComposer({
    from: input.from,
    to: input.to,
    subject: input.subject,
    messageId: input.messageId,
    text: input.text,
    html: input.html,
  })
    .compile()
    .build();
  let armored: string;
  try {
    armored = await openpgp.encrypt({
      message: await openpgp.createMessage({ binary: inner }),
      encryptionKeys: key,
      format: 'armored',
    });
  } catch {
    throw new PermanentDeliveryError('pgp-key-unusable', 'The recipient’s OpenPGP key cannot encrypt (expired?)');
  }

  const outer = new MimeNode('multipart/encrypted; protocol="application/pgp-encrypted"');
  outer.setHeader({
    From: input.from,
    To: input.to,
    Subject: input.subject,
    'Message-ID': input.messageId,
    ...automaticHeaders,
  });
  outer
    .createChild('application/pgp-encrypted')
    .setHeader({ 'Content-Description': 'PGP/MIME version identification', 'Content-Transfer-Encoding': '7bit' })
    .setContent('Version: 1\r\n');
  outer
    .createChild('application/octet-stream; name="encrypted.asc"')
    .setHeader({
      'Content-Description': 'OpenPGP encrypted message',
      'Content-Disposition': 'inline; filename="encrypted.asc"',
      'Content-Transfer-Encoding': '7bit',
    })
    .setContent(armored.replace(/\r?\n/g, '\r\n'));
  return outer.build();
}
