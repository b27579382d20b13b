import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemSchema } from '@meldpunt/contracts';
import { DomainError, type Refusal } from '../errors/domain-error.ts';
import { problemOf } from './problem.ts';

describe('problemOf: the answer to each refusal of domain code', () => {
  const cases: [Refusal, number, string][] = [
    [{ code: 'invalid-fields', errors: [{ path: '/contact', message: 'No contact details here' }] }, 422, 'validation'],
    [{ code: 'outside-netherlands' }, 422, 'outside-netherlands'],
    [{ code: 'idempotency-key-reused' }, 422, 'idempotency-key-reused'],
    [{ code: 'too-many-reports', retryAfterSeconds: 90 }, 429, 'too-many-reports'],
  ];

  for (const [refusal, status, type] of cases) {
    it(`${refusal.code} → ${status} ${type}, a valid problem`, () => {
      const { problem } = problemOf(new DomainError(refusal, 'test'));
      assert.equal(problem.status, status);
      assert.equal(problem.type, `https://meldpunt.dev/problems/${type}`);
      assert.ok(problemSchema.safeParse(problem).success, JSON.stringify(problem));
    });
  }

  it('names the fields it was given, and where the place is for a point abroad', () => {
    const errors = [{ path: '/contact', message: 'No contact details here' }];
    assert.deepEqual(problemOf(new DomainError({ code: 'invalid-fields', errors }, 'test')).problem.errors, errors);
    const abroad = problemOf(new DomainError({ code: 'outside-netherlands' }, 'test')).problem;
    assert.deepEqual(
      abroad.errors?.map((e) => e.path),
      ['/location'],
    );
  });

  it('tells a rate-limited client when to try again: Retry-After in seconds, the detail in whole minutes', () => {
    const limited = problemOf(new DomainError({ code: 'too-many-reports', retryAfterSeconds: 90 }, 'test'));
    assert.equal(limited.headers['Retry-After'], '90');
    assert.match(limited.problem.detail ?? '', /2 minute/);
  });
});
