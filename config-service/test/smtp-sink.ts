/**
 * A real SMTP server on loopback (the `smtp-server` package) for delivery tests and the delivery
 * benchmark: keeps every message it accepted, can refuse recipients with an SMTP code, and can be
 * slowed down. Never a mock transport: the worker talks SMTP to it over TCP.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { patience } from './patience.ts';

export interface ReceivedMail {
  raw: Buffer;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  messageId: string | undefined;
  /** `performance.timeOrigin + performance.now()` at MAIL FROM and at the end of DATA. */
  startedAt: number;
  receivedAt: number;
}

export interface SmtpSink {
  port: number;
  /** For `createMailer`: loopback, no TLS offered, so TLS is not required. */
  url: string;
  received: ReceivedMail[];
  /** Resolves when `predicate` holds for the received mail; rejects after `timeoutMs` (by default `patience`). */
  waitFor(predicate: (received: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Listen on this port (to bring a "down" server up); default a free one. */
  port?: number;
  /** Refuse a recipient with this SMTP code (e.g. 550 or 451); `undefined` accepts. */
  rejectRecipient?: (address: string) => number | undefined;
  /** Wait this long before accepting each message (a slow server). */
  delayMs?: number;
  /** Called at each MAIL FROM with how many messages have been started so far. */
  onMailFrom?: (started: number) => void;
}

const now = () => performance.timeOrigin + performance.now();

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const started = new Map<string, number>();
  let mailsStarted = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    // Close open (pooled) client connections quickly on stop.
    closeTimeout: 200,
    onMailFrom: (_address, session, callback) => {
      started.set(session.id, now());
      mailsStarted += 1;
      options.onMailFrom?.(mailsStarted);
      callback();
    },
    onRcptTo: (address, _session, callback) => {
      const code = options.rejectRecipient?.(address.address);
      if (code) {
        const error = new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later') as Error & {
          responseCode: number;
        };
        error.responseCode = code;
        return callback(error);
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const finish = () => {
          const headerEnd = raw.indexOf('\r\n\r\n');
          const headers = raw.subarray(0, headerEnd < 0 ? raw.length : headerEnd).toString('utf8');
          received.push({
            raw,
            to: session.envelope.rcptTo.map((r) => r.address),
            messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(headers)?.[1],
            startedAt: started.get(session.id) ?? now(),
            receivedAt: now(),
          });
          callback();
        };
        if (options.delayMs) setTimeout(finish, options.delayMs);
        else finish();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client that vanishes mid-session (a killed worker) resets its connection: not the sink's failure.
  server.on('error', () => {});
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}/?requireTLS=false`,
    received,
    waitFor: async (predicate, timeoutMs = patience) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) {
          throw new Error(`Timed out after ${timeoutMs / 1000} s; the sink has ${received.length} message(s)`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
