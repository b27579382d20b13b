import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the development mailbox received, parsed by mailparser. */
export interface DevMail {
  id: string;
  receivedAt: Date;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  messageId: string | undefined;
  text: string | undefined;
  /** The HTML part, or `false` when there is none. */
  html: string | false;
  raw: Buffer;
}

/**
 * Development only: an SMTP server on loopback that keeps the last `limit` messages in memory, so
 * `pnpm start` without `SMTP_URL` shows forwarded reports at `/dev/mail`. Never started in production.
 */
export class DevMailbox {
  readonly #server: SMTPServer;
  readonly #messages: DevMail[] = [];
  readonly #limit: number;
  #port = 0;

  private constructor(limit: number) {
    this.#limit = limit;
    this.#server = new SMTPServer({
      // Loopback only, no TLS and no login: nothing leaves this machine.
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      // Close open (pooled) client connections quickly on stop.
      closeTimeout: 200,
      size: 10 * 1024 * 1024,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const to = session.envelope.rcptTo.map((r) => r.address);
          simpleParser(raw)
            .then((parsed) => {
              this.#keep({
                id: randomUUID(),
                receivedAt: new Date(),
                to,
                from: parsed.from?.text ?? '',
                subject: parsed.subject ?? '',
                messageId: parsed.messageId,
                text: parsed.text,
                html: parsed.html ?? false,
                raw,
              });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
  }

  /** Starts the mailbox on 127.0.0.1 on a free port. */
  static async start(options: { limit?: number } = {}): Promise<DevMailbox> {
    const mailbox = new DevMailbox(options.limit ?? 100);
    await new Promise<void>((resolve, reject) => {
      mailbox.#server.once('error', reject);
      mailbox.#server.listen(0, '127.0.0.1', () => {
        mailbox.#server.off('error', reject);
        resolve();
      });
    });
    // A client that drops its connection (ECONNRESET) must not take the service down.
    mailbox.#server.on('error', () => {});
    mailbox.#port = (mailbox.#server.server.address() as AddressInfo).port;
    return mailbox;
  }

  /** Where to send: loopback without TLS (the mailer requires TLS unless the URL says otherwise). */
  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.#port}/?requireTLS=false`;
  }

  /** Received messages, newest first. */
  list(): readonly DevMail[] {
    return [...this.#messages].reverse();
  }

  get(id: string): DevMail | undefined {
    return this.#messages.find((m) => m.id === id);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #keep(mail: DevMail): void {
    this.#messages.push(mail);
    if (this.#messages.length > this.#limit) this.#messages.splice(0, this.#messages.length - this.#limit);
  }
}
