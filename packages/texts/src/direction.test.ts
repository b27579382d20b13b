import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rtlLocales, supportedLocales } from '@meldpunt/contracts';
import { isRtl, textDirection } from './direction.ts';

describe('text direction', () => {
  it('follows the contracts’ list of right-to-left locales, and only that', () => {
    assert.deepEqual(supportedLocales.filter(isRtl), [...rtlLocales]);
    assert.equal(textDirection('ar'), 'rtl');
    for (const locale of supportedLocales.filter((l) => !rtlLocales.includes(l))) {
      assert.equal(textDirection(locale), 'ltr', locale);
    }
  });
});
