import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTestContext, databaseKind, minimalReport, randomIp, type TestContext } from '../test/helpers.ts';
import { freePort } from '../test/net.ts';

const configServiceDir = fileURLToPath(new URL('../', import.meta.url));

/** `pnpm start` as a newcomer runs it: `src/server.ts` with the given environment. */
function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: configServiceDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

async function waitForHttp(url: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer; server output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

describe(`pnpm start and its development mailbox (${databaseKind})`, () => {
  // On PostgreSQL the server gets a database of its own; on PGlite a data folder of its own.
  let ctx: TestContext | undefined;
  const dataDirs: string[] = [];
  before(async () => {
    if (databaseKind === 'postgres') ctx = await createTestContext({ ownDatabase: true });
  });
  after(async () => {
    await ctx?.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });
  const databaseEnv = (): Record<string, string> => {
    if (ctx?.databaseUrl) return { DATABASE_URL: ctx.databaseUrl };
    const dir = mkdtempSync(join(tmpdir(), 'meldpunt-start-'));
    dataDirs.push(dir);
    return { DATA_DIR: dir };
  };

  it('without SMTP_URL a report to a demo tenant shows up at /dev/mail within seconds', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const { child, output } = startServer({
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...databaseEnv(),
    });
    try {
      await waitForHttp(`${base}/api/v1/health`, 60_000, output);
      const res = await fetch(`${base}/api/v1/tenants/dordrecht/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomIp() },
        body: JSON.stringify(minimalReport()),
      });
      assert.equal(res.status, 201, await res.clone().text());
      const { reference } = (await res.json()) as { reference: string };
      const accepted = Date.now();
      let page = '';
      while (!page.includes(reference)) {
        assert.ok(Date.now() - accepted < 5000, `the mail did not arrive within 5 s; output:\n${output()}`);
        await new Promise((r) => setTimeout(r, 100));
        page = await (await fetch(`${base}/dev/mail`)).text();
      }
      assert.ok(page.includes('oov-meldingen@dordrecht.example'));
    } finally {
      await stopServer(child);
    }
  });

  it('production: refuses to start without SMTP_URL, and with it serves no /dev/mail', async () => {
    const production = {
      NODE_ENV: 'production',
      CONTACT_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      HOST: '127.0.0.1',
      ...databaseEnv(),
    };
    const refused = startServer({ ...production, PORT: String(await freePort()) });
    const [code] = (await once(refused.child, 'exit')) as [number | null];
    assert.notEqual(code, 0);
    assert.match(refused.output(), /SMTP_URL/);

    const port = await freePort();
    const { child, output } = startServer({
      ...production,
      PORT: String(port),
      SMTP_URL: 'smtp://127.0.0.1:9/',
      MAIL_FROM: 'Meldpunt <meldpunt@gemeente.example>',
    });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/api/v1/health`, 60_000, output);
      assert.equal((await fetch(`http://127.0.0.1:${port}/dev/mail`)).status, 404);
    } finally {
      await stopServer(child);
    }
  });
});
