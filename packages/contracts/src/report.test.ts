import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldErrorsFrom } from './problem.ts';
import { reportInputSchema } from './report.ts';

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
});
