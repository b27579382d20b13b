import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../deps.ts';
import type { DevMailbox } from '../../dev-mail/dev-mailbox.ts';
import { html, type SafeHtml } from '../../html.ts';
import { loopbackOnly } from '../../http/loopback-only.ts';
import { problems } from '../../http/problem.ts';

/**
 * Headers of every dev-mail answer besides the app's own (nosniff, no referrer): never cached. Answers
 * are written through the context, so they keep the request id.
 */
const common = { 'Cache-Control': 'no-store' };

/** Our own pages: no scripts at all, only our nonce'd style block, frames only from here. */
function page(c: Context, title: string, body: SafeHtml, options: { refresh?: boolean } = {}): Response {
  const nonce = randomBytes(16).toString('base64');
  const document = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${options.refresh ? html`<meta http-equiv="refresh" content="5" />` : ''}
        <title>${title}</title>
        <style nonce="${nonce}">
          body {
            font-family: system-ui, sans-serif;
            margin: 1.5rem;
            color: #1b1b1b;
          }
          table {
            border-collapse: collapse;
            inline-size: 100%;
          }
          th,
          td {
            text-align: start;
            padding-block: 0.35rem;
            padding-inline: 0 1rem;
            vertical-align: top;
            border-block-end: 1px solid #ddd;
          }
          pre {
            white-space: pre-wrap;
            background: #f6f6f6;
            padding: 1rem;
          }
          iframe {
            inline-size: 100%;
            block-size: 70vh;
            border: 1px solid #ccc;
          }
          .muted {
            color: #555;
          }
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`;
  return c.body(document.value, 200, {
    ...common,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  });
}

/**
 * `GET /dev/mail`: the development mailbox — what the delivery worker sent while `SMTP_URL` is unset.
 * Mounted only when the app has a dev mailbox, which `server.ts` creates in demo mode only; answers
 * only requests from this machine ({@link loopbackOnly}): it shows reporters' decrypted contact details.
 */
export function devMailRoutes(mailbox: DevMailbox) {
  return new Hono<AppEnv>()
    .use('*', loopbackOnly())
    .get('/', (c) => {
      const mails = mailbox.list();
      return page(
        c,
        'Development mailbox',
        html`<h1>Development mailbox</h1>
          <p class="muted">
            Mail the delivery worker sent to the local SMTP sink (the last 100, kept in memory only). This page
            refreshes every 5 seconds.
          </p>
          ${
            mails.length === 0
              ? html`<p>No mail yet. Send a report to a demo tenant with an e-mail recipient, e.g. Dordrecht.</p>`
              : html`<table>
                  <thead>
                    <tr>
                      <th scope="col">Received</th>
                      <th scope="col">To</th>
                      <th scope="col">Subject</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${mails.map(
                      (m) =>
                        html`<tr>
                          <td>${m.receivedAt.toISOString()}</td>
                          <td>${m.to.join(', ')}</td>
                          <td><a href="/dev/mail/${encodeURIComponent(m.id)}">${m.subject || '(no subject)'}</a></td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
          }`,
        { refresh: true },
      );
    })
    .get('/:id', (c) => {
      const mail = mailbox.get(c.req.param('id'));
      if (!mail) throw problems.notFound('No such message in the development mailbox');
      const base = `/dev/mail/${encodeURIComponent(mail.id)}`;
      return page(
        c,
        mail.subject || 'Message',
        html`<p><a href="/dev/mail">← All mail</a></p>
          <h1>${mail.subject || '(no subject)'}</h1>
          <table>
            <tr>
              <th scope="row">From</th>
              <td>${mail.from}</td>
            </tr>
            <tr>
              <th scope="row">To</th>
              <td>${mail.to.join(', ')}</td>
            </tr>
            <tr>
              <th scope="row">Received</th>
              <td>${mail.receivedAt.toISOString()}</td>
            </tr>
            <tr>
              <th scope="row">Message-ID</th>
              <td>${mail.messageId ?? ''}</td>
            </tr>
          </table>
          ${
            mail.html !== false
              ? html`<h2>HTML part</h2>
                  <iframe sandbox src="${base}/html" title="HTML part of the message"></iframe>`
              : ''
          }
          <h2>Text part</h2>
          <pre>${mail.text ?? '(none)'}</pre>
          <p><a href="${base}/raw">Raw message (source)</a></p>`,
      );
    })
    .get('/:id/html', (c) => {
      const mail = mailbox.get(c.req.param('id'));
      if (!mail || mail.html === false) throw problems.notFound('No HTML part');
      // The message's own HTML, sandboxed: no scripts, no requests, no forms; inline styles only.
      return c.body(mail.html, 200, {
        ...common,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'`,
      });
    })
    .get('/:id/raw', (c) => {
      const mail = mailbox.get(c.req.param('id'));
      if (!mail) throw problems.notFound('No such message in the development mailbox');
      return c.body(new Uint8Array(mail.raw), 200, {
        ...common,
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      });
    });
}
