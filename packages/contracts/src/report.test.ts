import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldErrorsFrom } from './problem.ts';
import { idempotencyKeySchema, reportInputSchema } from './report.ts';

const minimal = {
  role: 'victim',
  categories: ['verbal'],
  occurredAt: '2026-11-20T22:30:00+01:00',
  location: { lat: 51.8133, lng: 4.6901 },
  description: 'Nageroepen bij het station.',
  locale: 'nl',
};

describe('reportInputSchema', () => {
  it('accepts the minimal body and fills in defaults', () => {
    const report = reportInputSchema.parse(minimal);
    assert.equal(report.timePrecision, 'exact');
  });

  it('rejects unknown keys at every level', () => {
    for (const body of [
      { ...minimal, isAdmin: true },
      { ...minimal, location: { ...minimal.location, z: 1 } },
      { ...minimal, contact: { email: 'a@b.example', wantsFollowUp: false, ip: '1.2.3.4' } },
    ]) {
      assert.equal(reportInputSchema.safeParse(body).success, false, JSON.stringify(body));
    }
  });

  it('gives field errors as JSON Pointers', () => {
    const result = reportInputSchema.safeParse({ ...minimal, location: { lat: 100, lng: 4 } });
    assert.equal(result.success, false);
    assert.deepEqual(
      fieldErrorsFrom(result.error!).map((e) => e.path),
      ['/location/lat'],
    );
  });

  it('refuses a moment in the future but accepts long ago', () => {
    const future = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    assert.equal(reportInputSchema.safeParse({ ...minimal, occurredAt: future }).success, false);
    assert.equal(reportInputSchema.safeParse({ ...minimal, occurredAt: '2019-03-01T12:00:00Z' }).success, true);
  });

  it('caps lengths', () => {
    assert.equal(reportInputSchema.safeParse({ ...minimal, description: 'x'.repeat(5001) }).success, false);
    assert.equal(reportInputSchema.safeParse({ ...minimal, description: 'x'.repeat(5000) }).success, true);
  });

  it('takes a place in words alone, but not nothing', () => {
    assert.equal(reportInputSchema.safeParse({ ...minimal, location: { text: 'Bij de markt' } }).success, true);
    assert.equal(reportInputSchema.safeParse({ ...minimal, location: {} }).success, false);
  });

  /** The field errors of `body`, as JSON Pointer → messages. */
  function errorsOf(body: unknown): Map<string, string[]> {
    const result = reportInputSchema.safeParse(body);
    const errors = new Map<string, string[]>();
    for (const { path, message } of result.success ? [] : fieldErrorsFrom(result.error)) {
      errors.set(path, [...(errors.get(path) ?? []), message]);
    }
    return errors;
  }

  it('refuses control characters and unpaired surrogates in every text, at the field’s JSON Pointer', () => {
    const contact = { email: 'melder@voorbeeld.example', phone: '06 12345678', wantsFollowUp: true };
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['/description', { description: 'Nageroepen\u0000 bij het station.' }, /control character U\+0000/],
      ['/description', { description: 'Nageroepen \uD83D bij het station.' }, /unpaired surrogate/],
      ['/location/text', { location: { text: 'Bij de markt\u0007' } }, /control character U\+0007/],
      ['/extra/age_group', { extra: { age_group: '18_24\u001B[31m' } }, /control character U\+001B/],
      ['/contact/name', { contact: { ...contact, name: 'Sam\u0085' } }, /control character U\+0085/],
      ['/contact/email', { contact: { ...contact, email: 'melder@voorbeeld.example\u0000' } }, /control/],
      ['/contact/phone', { contact: { ...contact, phone: '06 1234\u00005678' } }, /control/],
      ['/occurredAt', { occurredAt: '2026-11-20T22:30:00\u0000+01:00' }, /control/],
      ['/categories/0', { categories: ['verbal\uDC00'] }, /unpaired surrogate/],
    ];
    for (const [pointer, change, message] of cases) {
      const errors = errorsOf({ ...minimal, ...change });
      assert.ok(
        errors.get(pointer)?.some((m) => message.test(m)),
        `${JSON.stringify(change)}: ${JSON.stringify([...errors])}`,
      );
    }
  });

  it('keeps tabs and line breaks in a description', () => {
    const description = 'Eerst:\tnageroepen.\r\nDaarna gevolgd.';
    assert.equal(reportInputSchema.parse({ ...minimal, description }).description, description);
  });

  it('normalises text to NFC: a decomposed é becomes the one character U+00E9', () => {
    const report = reportInputSchema.parse({
      ...minimal,
      description: 'Bij het cafe\u0301.',
      location: { text: 'Caf\u0065\u0301 de Markt' },
      contact: { name: 'Ren\u0065\u0301e', wantsFollowUp: false },
    });
    assert.equal(report.description, 'Bij het caf\u00e9.');
    assert.equal(report.location.text, 'Caf\u00e9 de Markt');
    assert.equal(report.contact?.name, 'Ren\u00e9e');
  });

  it('takes UTC offsets up to ±14:00, as on Earth, and refuses further ones (PostgreSQL stops at ±15:59)', () => {
    for (const offset of ['Z', '+00:00', '+14:00', '-14:00', '+05:45', '-09:30', '-12:00']) {
      const occurredAt = `2025-06-01T12:00:00${offset}`;
      assert.equal(errorsOf({ ...minimal, occurredAt }).size, 0, occurredAt);
    }
    for (const offset of ['+14:01', '-14:30', '+15:59', '+16:00', '-18:00', '+23:59']) {
      const occurredAt = `2025-06-01T12:00:00${offset}`;
      assert.deepEqual(
        [...errorsOf({ ...minimal, occurredAt })],
        [['/occurredAt', ['Use a UTC offset between -14:00 and +14:00']]],
        occurredAt,
      );
    }
  });
});

describe('idempotencyKeySchema', () => {
  it('takes 8 to 128 visible ASCII characters, such as a UUID', () => {
    assert.equal(idempotencyKeySchema.safeParse(crypto.randomUUID()).success, true);
    assert.equal(idempotencyKeySchema.safeParse('x'.repeat(128)).success, true);
    for (const key of ['x', 'x'.repeat(129), 'met spatie', 'nul\u0000nul\u0000', 'café-café-café']) {
      assert.equal(idempotencyKeySchema.safeParse(key).success, false, JSON.stringify(key));
    }
  });
});
