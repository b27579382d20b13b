import { expect } from '@open-wc/testing';
import { define } from './define.ts';

/** Runs `body` with `console.warn` recorded, and returns what was warned. */
function warningsOf(body: () => void): unknown[][] {
  const warn = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    body();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

describe('define()', () => {
  it('registers an element the first time', () => {
    class First extends HTMLElement {}
    expect(warningsOf(() => define('ui-define-first', First))).to.deep.equal([]);
    expect(customElements.get('ui-define-first')).to.equal(First);
  });

  it('warns, and keeps the first class, when a second copy of the script defines the name again', () => {
    class Original extends HTMLElement {}
    class Copy extends HTMLElement {}
    define('ui-define-twice', Original);
    const warnings = warningsOf(() => define('ui-define-twice', Copy));
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]?.[0])).to.contain('<ui-define-twice> is already defined');
    expect(customElements.get('ui-define-twice')).to.equal(Original);
  });

  it('says nothing when the same class is defined again (one module imported twice)', () => {
    class Same extends HTMLElement {}
    define('ui-define-same', Same);
    expect(warningsOf(() => define('ui-define-same', Same))).to.deep.equal([]);
  });
});
