import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';

/** A message for one municipal recipient: either composed (text + HTML) or already built (PGP/MIME). */
export type OutgoingMail =
  { to: string; messageId: string; subject: string; text: string; html: string } | { to: string; raw: Buffer };

export interface Mailer {
  /** The sender, `MAIL_FROM`. */
  readonly from: string;
  send(mail: OutgoingMail, signal?: AbortSignal): Promise<void>;
  close(): void;
}

/** Headers every forwarded report carries: it is machine-made, so no auto-replies (RFC 3834). */
export const automaticHeaders = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };

/**
 * Outgoing mail over SMTP from `SMTP_URL` (nodemailer's connection-URL form). Secure by default:
 * STARTTLS is required (`requireTLS`), and pooled connections are reused; the URL's query string
 * overrides any of these (`smtp://127.0.0.1:2525/?requireTLS=false` for a local relay without TLS).
 */
export function createMailer(options: { smtpUrl: string; from: string; maxConnections?: number }): Mailer {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    requireTLS: true,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  const envelopeFrom = senderAddress(options.from);
  return {
    from: options.from,
    async send(mail, signal) {
      if ('raw' in mail) {
        await transport.sendMail({ envelope: { from: envelopeFrom, to: [mail.to] }, raw: mail.raw, signal });
      } else {
        await transport.sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: automaticHeaders,
          signal,
        });
      }
    },
    close: () => transport.close(),
  };
}

/**
 * The same Message-ID every time a report is sent to a recipient, so a rare second copy (a worker
 * crashed between sending and recording it) is recognisably the same message and mail clients fold it.
 */
export function reportMessageId(reportId: string, recipient: string): string {
  const hash = createHash('sha256').update(recipient.trim().toLowerCase()).digest('hex').slice(0, 16);
  return `<${reportId}.${hash}@meldpunt>`;
}

/** The bare address of `Name <address>`. */
function senderAddress(from: string): string {
  const [first] = addressparser(from);
  const address = first && 'address' in first ? first.address : undefined;
  if (!address) throw new Error('MAIL_FROM must hold an e-mail address, e.g. "Meldpunt <meldpunt@gemeente.nl>"');
  return address;
}
