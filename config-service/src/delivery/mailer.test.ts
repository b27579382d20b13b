import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { startSmtpSink } from '../../test/smtp-sink.ts';
import { createMailer, reportMessageId } from './mailer.ts';

const mail = {
  to: 'oov@gemeente.example',
  messageId: '<r.1@meldpunt>',
  subject: 'Nieuwe melding ABCD-EFGH',
  text: 'tekst',
  html: '<p>tekst</p>',
};

describe('mailer (SMTP_URL)', () => {
  it('is secure by default: without STARTTLS on the server nothing is sent', async () => {
    const sink = await startSmtpSink(); // offers no STARTTLS
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${sink.port}`, from: 'Meldpunt <m@meldpunt.example>' });
    try {
      await assert.rejects(mailer.send(mail), (error: { code?: string }) => error.code === 'ETLS');
      assert.equal(sink.received.length, 0);
    } finally {
      mailer.close();
      await sink.stop();
    }
  });

  it('the URL’s query string overrides the defaults: ?requireTLS=false reaches a local relay', async () => {
    const sink = await startSmtpSink();
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${sink.port}/?requireTLS=false`,
      from: 'Meldpunt <m@meldpunt.example>',
    });
    try {
      await mailer.send(mail);
      const parsed = await simpleParser(sink.received[0]!.raw);
      assert.equal(parsed.messageId, '<r.1@meldpunt>');
      assert.deepEqual(parsed.from?.value, [{ name: 'Meldpunt', address: 'm@meldpunt.example' }]);
      assert.deepEqual(sink.received[0]!.to, ['oov@gemeente.example']);
    } finally {
      mailer.close();
      await sink.stop();
    }
  });

  it('Message-ID: the same for a report and recipient, different per recipient and per report', () => {
    const id = reportMessageId('8d3e0f7a-1111-4222-8333-444455556666', 'OOV@Gemeente.example');
    assert.match(id, /^<8d3e0f7a-1111-4222-8333-444455556666\.[0-9a-f]{16}@meldpunt>$/);
    assert.equal(id, reportMessageId('8d3e0f7a-1111-4222-8333-444455556666', 'oov@gemeente.example'));
    assert.notEqual(id, reportMessageId('8d3e0f7a-1111-4222-8333-444455556666', 'ander@gemeente.example'));
    assert.notEqual(id, reportMessageId('9d3e0f7a-1111-4222-8333-444455556666', 'oov@gemeente.example'));
    assert.ok(!id.includes('oov'), 'the address is hashed');
  });

  it('refuses a MAIL_FROM without an address', () => {
    assert.throws(() => createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'Meldpunt' }), /MAIL_FROM/);
  });
});
