import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeCycles, folderCycles, folderImports } from './folder-cycles.ts';

const script = fileURLToPath(new URL('./folder-cycles.ts', import.meta.url));
const serviceSrc = fileURLToPath(new URL('../src', import.meta.url));
const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A made-up `src/` with these files (path → content), in a fresh temporary folder. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'folder-cycles-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(root: string) {
  return spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
}

describe('folder-cycles: folders of src/ that import each other', () => {
  it('refuses two folders importing each other, naming each import on the loop (exit 1)', () => {
    const root = tree({
      'reports/report-service.ts': "import { deliveryTargets } from '../delivery/targets.ts';\n",
      'delivery/targets.ts': 'export const deliveryTargets = 1;\n',
      'delivery/worker.ts': "import type { ContactSealer } from '../reports/contact-crypto.ts';\n",
      'reports/contact-crypto.ts': 'export class ContactSealer {}\n',
    });
    assert.deepEqual(folderCycles(folderImports(root)), [['delivery', 'reports']]);
    const run = check(root);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /delivery ⇄ reports/);
    assert.match(run.stderr, /reports\/report-service\.ts imports \.\.\/delivery\/targets\.ts/);
    assert.match(run.stderr, /delivery\/worker\.ts imports \.\.\/reports\/contact-crypto\.ts/);
  });

  it('finds a longer loop, through re-exports and import() too, nested files belonging to their top folder', () => {
    const root = tree({
      'a/one.ts': "export { b } from '../b/deep/two.ts';\n",
      'b/deep/two.ts': "export const b = () => import('../../c/three.ts');\n",
      'c/three.ts': "import '../a/one.ts';\n",
      'd/four.ts': "import '../a/one.ts';\n",
    });
    assert.deepEqual(folderCycles(folderImports(root)), [['a', 'b', 'c']]);
    assert.equal(check(root).status, 1);
  });

  it('accepts imports one way, root files that put everything together, tests and packages', () => {
    const root = tree({
      'app.ts': "import '../x/outside.ts';\nimport './reports/report-service.ts';\n",
      'reports/report-service.ts': "import '../delivery/targets.ts';\nimport '../app.ts';\nimport 'kysely';\n",
      'delivery/targets.ts': "import '../secrets/key-ring.ts';\n",
      'delivery/worker.test.ts': "import '../reports/report-service.ts';\n",
      'secrets/key-ring.ts': 'export {};\n',
    });
    assert.equal(describeCycles(folderImports(root)), '');
    const run = check(root);
    assert.equal(run.status, 0, run.stderr);
  });

  it("accepts the service's own src/", () => {
    assert.deepEqual(folderCycles(folderImports(serviceSrc)), []);
  });
});
