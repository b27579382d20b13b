import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

/**
 * The lint rule of the workspace's eslint.config.js that keeps HTTP out of domain code, tried on
 * made-up files at real places of the service (nothing is written: `lintText` with a path).
 */
const workspace = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;
before(() => {
  eslint = new ESLint({ cwd: workspace });
});

async function restrictedImports(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: `config-service/src/${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint: domain code does not import HTTP', { timeout: 120_000 }, () => {
  it('refuses http/ and routes/ in a domain folder', async () => {
    const refused = await restrictedImports(
      'reports/report-service.ts',
      [
        "import { ProblemError } from '../http/problem.ts';",
        "import { reportRoutes } from '../routes/public/reports.ts';",
        'export const used = [ProblemError, reportRoutes];',
      ].join('\n'),
    );
    assert.equal(refused.length, 2);
    assert.match(refused[0] ?? '', /Domain code does not import the HTTP side/);
  });

  it('refuses them in every domain folder, nested files and tests included, and the web framework too', async () => {
    for (const path of ['receivers/receiver-lookup.ts', 'areas/deep/x.ts', 'tenants/tenant-service.test.ts']) {
      const refused = await restrictedImports(path, "import '../http/problem.ts';\nimport 'hono';\n");
      assert.equal(refused.length, 2, path);
    }
  });

  it('lets the HTTP side, the command line and domain code import what they may', async () => {
    assert.deepEqual(await restrictedImports('routes/public/reports.ts', "import '../../http/problem.ts';\n"), []);
    assert.deepEqual(await restrictedImports('http/validation.ts', "import './problem.ts';\nimport 'hono';\n"), []);
    assert.deepEqual(await restrictedImports('cli/x.ts', "import '../reports/report-service.ts';\n"), []);
    const domain = "import '../errors/domain-error.ts';\nimport 'node:http';\nimport '../delivery/targets.ts';\n";
    assert.deepEqual(await restrictedImports('reports/report-service.ts', domain), []);
  });
});
