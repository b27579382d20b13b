import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brandingContrastChecks, contrastRatio, relativeLuminance } from './contrast.ts';

describe('contrast (WCAG 2.2)', () => {
  it('computes relative luminance and contrast ratio as WCAG defines them', () => {
    assert.equal(relativeLuminance('#000000'), 0);
    assert.equal(relativeLuminance('#FFFFFF'), 1);
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#ffffff', '#000000'), 21);
    // The well-known borderline grey: #767676 passes 4.5:1 on white, #777777 does not.
    assert.ok(contrastRatio('#767676', '#ffffff') >= 4.5);
    assert.ok(contrastRatio('#777777', '#ffffff') < 4.5);
    assert.throws(() => relativeLuminance('red'), RangeError);
  });

  it('checks text on primary, body text, and primary and accent as UI components', () => {
    const passing = brandingContrastChecks({ primaryColor: '#00543c', accentColor: '#0a4a8f' });
    assert.deepEqual(
      passing.map((c) => [c.id, c.minimum, c.passes]),
      [
        ['text-on-primary', 4.5, true],
        ['text', 4.5, true],
        ['primary', 3, true],
        ['accent', 3, true],
      ],
    );
    // #949494 on white: about 3.03:1, enough for a component, not for white text on it.
    const grey = brandingContrastChecks({ primaryColor: '#949494' });
    assert.deepEqual(
      grey.filter((c) => !c.passes).map((c) => [c.id, c.path]),
      [['text-on-primary', '/branding/primaryColor']],
    );
    // A dark background: the default body text fails on it, blamed on the background.
    const dark = brandingContrastChecks({ primaryColor: '#00543c', backgroundColor: '#202020' });
    assert.deepEqual(
      dark.filter((c) => !c.passes).map((c) => [c.id, c.path]),
      [
        ['text', '/branding/backgroundColor'],
        ['primary', '/branding/primaryColor'],
      ],
    );
    // Rounded down: a ratio just under the minimum never reads as passing.
    for (const check of [...passing, ...grey, ...dark]) assert.equal(check.passes, check.ratio >= check.minimum);
  });
});
