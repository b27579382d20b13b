import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure, HttpStatusError, PermanentDeliveryError } from './classify.ts';

const smtp = (responseCode: number, code = 'EENVELOPE') => Object.assign(new Error('x'), { code, responseCode });

describe('classifyFailure', () => {
  it('connection trouble and timeouts are temporary', () => {
    const refused = Object.assign(new Error('connect'), { code: 'ESOCKET', originalCode: 'ECONNREFUSED' });
    assert.deepEqual(classifyFailure(refused), { temporary: true, errorClass: 'ECONNREFUSED' });
    assert.deepEqual(classifyFailure(Object.assign(new Error(), { code: 'ECONNRESET' })), {
      temporary: true,
      errorClass: 'ECONNRESET',
    });
    assert.deepEqual(classifyFailure(Object.assign(new Error(), { code: 'ETIMEDOUT' })), {
      temporary: true,
      errorClass: 'ETIMEDOUT',
    });
    const fetchFailed = new TypeError('fetch failed', { cause: Object.assign(new Error(), { code: 'ECONNREFUSED' }) });
    assert.deepEqual(classifyFailure(fetchFailed), { temporary: true, errorClass: 'ECONNREFUSED' });
    assert.deepEqual(classifyFailure(new DOMException('timed out', 'TimeoutError')), {
      temporary: true,
      errorClass: 'timeout',
    });
  });

  it('SMTP 4xx is temporary, 5xx permanent (503 “bad sequence” excepted)', () => {
    assert.deepEqual(classifyFailure(smtp(421, 'ECONNECTION')), { temporary: true, errorClass: 'smtp-421' });
    assert.deepEqual(classifyFailure(smtp(451)), { temporary: true, errorClass: 'smtp-451' });
    assert.deepEqual(classifyFailure(smtp(550)), { temporary: false, errorClass: 'smtp-550' });
    assert.deepEqual(classifyFailure(smtp(554, 'EMESSAGE')), { temporary: false, errorClass: 'smtp-554' });
    assert.deepEqual(classifyFailure(smtp(503)), { temporary: true, errorClass: 'smtp-503' });
  });

  it('HTTP 5xx and 429 are temporary; other 4xx and redirects permanent', () => {
    for (const status of [500, 502, 503, 504, 429]) {
      assert.equal(classifyFailure(new HttpStatusError(status)).temporary, true, String(status));
    }
    for (const status of [400, 401, 403, 404, 410, 422, 301, 302]) {
      assert.deepEqual(classifyFailure(new HttpStatusError(status)), {
        temporary: false,
        errorClass: `http-${status}`,
      });
    }
  });

  it('our own permanent errors stop at once; unknown errors are retried; messages never leak into the class', () => {
    assert.deepEqual(classifyFailure(new PermanentDeliveryError('pgp-key-invalid', 'x')), {
      temporary: false,
      errorClass: 'pgp-key-invalid',
    });
    const unknown = classifyFailure(new Error('insert into report values (geheim)'));
    assert.equal(unknown.temporary, true);
    assert.ok(!unknown.errorClass.includes('geheim'));
  });
});
