/**
 * "No copied tokens", checked by machine: the token chains and base styles live in `packages/ui`
 * (src/tokens.ts, src/base-styles.ts) and nowhere else, and every private custom property is named
 * `--_meldpunt-*`. Scans the repository's source files (not dependencies, builds or data).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const uiPackage = `packages${sep}ui${sep}`;
const skippedFolders = new Set(['node_modules', 'dist', '.git', '.data', 'coverage', '.bench']);
const sourceFile = /\.(ts|js|mjs|cjs|css|html)$/;

/**
 * The demo host pages' own stylesheet stands in for a municipality's website: it uses NL Design
 * System tokens the way such a site does. It is not ours to theme through `packages/ui`.
 */
const hostPages = `embed-demo${sep}assets${sep}`;

/** Every source file of the repository, as a path relative to its root. */
function sourceFiles(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : sourceFiles(path);
    return sourceFile.test(entry.name) ? [relative(root, path)] : [];
  });
}

/** `file:line: text` for each line of `file` where `pattern` matches. */
function findings(file: string, pattern: RegExp): string[] {
  return readFileSync(join(root, file), 'utf8')
    .split('\n')
    .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

const files = sourceFiles();
const outsideUi = files.filter((file) => !file.startsWith(uiPackage) && !file.startsWith(hostPages));
// This file names the patterns it looks for; build them so it does not find itself.
const dash = '-';
const fallbackToNlDesignSystem = new RegExp(`var\\(\\s*${dash}${dash}(basis|utrecht)-`);
const visuallyHiddenRule = /\.visually-hidden[^{};'"`()=]*\{/;
const privateProperty = new RegExp(`${dash}${dash}_(?!meldpunt-)[\\w-]+`);

describe('no copied tokens', () => {
  it('finds the source files to check', () => {
    assert.ok(files.some((file) => file.endsWith(`widget${sep}src${sep}styles${sep}widget-styles.ts`)));
    assert.ok(files.includes(`${uiPackage}src${sep}tokens.ts`));
  });

  it('has NL Design System fallback chains only in packages/ui', () => {
    assert.deepEqual(
      outsideUi.flatMap((file) => findings(file, fallbackToNlDesignSystem)),
      [],
      'Use the private tokens of @meldpunt/ui/tokens (var(--_meldpunt-…)) instead of a chain of your own',
    );
  });

  it('has the .visually-hidden rule only in packages/ui', () => {
    assert.deepEqual(
      outsideUi.flatMap((file) => findings(file, visuallyHiddenRule)),
      [],
      'Adopt baseStyles from @meldpunt/ui/base-styles instead of copying the rule',
    );
  });

  it('names every private custom property --_meldpunt-*', () => {
    assert.deepEqual(
      files.flatMap((file) => findings(file, privateProperty)),
      [],
    );
  });

  it('would find each of them', () => {
    const copied = [
      `color: var(${dash}${dash}basis-color-default-color-document, #1b1b1b);`,
      `  var(${dash}${dash}utrecht-link-color, red)`,
      '.visually-hidden {',
      '  .top .visually-hidden, .x {',
      `${dash}${dash}_text: red;`,
    ];
    assert.deepEqual(
      copied.map((line) => [fallbackToNlDesignSystem, visuallyHiddenRule, privateProperty].some((p) => p.test(line))),
      [true, true, true, true, true],
    );
    const fine = [
      'class="visually-hidden"',
      "querySelector('.visually-hidden') {",
      `${dash}${dash}_meldpunt-text: red;`,
    ];
    assert.deepEqual(
      fine.map((line) => [fallbackToNlDesignSystem, visuallyHiddenRule, privateProperty].some((p) => p.test(line))),
      [false, false, false],
    );
  });
});
