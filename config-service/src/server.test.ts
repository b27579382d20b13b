import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { openDatabase } from './db/dialect.ts';
import { demoCities } from './tenants/demo-reports.ts';
import { createTestContext, databaseKind, minimalReport, randomIp } from '../test/helpers.ts';
import { solvedProofAt } from '../test/proof-client.ts';
import { freePort } from '../test/net.ts';

const configServiceDir = fileURLToPath(new URL('../', import.meta.url));
const repoDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `node src/server.ts` (config-service's `pnpm start`) with exactly the given environment: nothing
 * from the shell running the tests (a MELDPUNT_MODE there, say) leaks in.
 */
function startServer(env: Record<string, string>): { child: ChildProcess; stdout: () => string; output: () => string } {
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: configServiceDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let output = '';
  child.stdout!.on('data', (c: Buffer) => {
    stdout += c.toString();
    output += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return { child, stdout: () => stdout, output: () => output };
}

/** Polls until the URL answers 2xx; fails (with the server's output) after `timeoutMs`, a start-up budget. */
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

/** Polls until `done()`; fails (with the server's output) after `timeoutMs`, a generous bound. */
async function waitFor(done: () => boolean, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out; server output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stops the server gracefully; resolves once it exited and all its output was read. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = once(child, 'close');
  child.kill('SIGTERM');
  await closed;
}

/** A database of the test's own: a PostgreSQL database, or a PGlite data folder. */
async function ownDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'meldpunt-start-'));
  const ctx = databaseKind === 'postgres' ? await createTestContext({ ownDatabase: true }) : undefined;
  return {
    dir,
    env: (ctx?.databaseUrl ? { DATABASE_URL: ctx.databaseUrl, DATA_DIR: dir } : { DATA_DIR: dir }) as Record<
      string,
      string
    >,
    /** Tenants, area sets and demo reports in it; call after the server stopped (PGlite has one owner). */
    async count(): Promise<{ tenants: number; areaSets: number; demoReports: number }> {
      const handle = ctx ? undefined : openDatabase({ pgliteDir: join(dir, 'pglite') });
      const db = ctx?.db ?? handle!.db;
      try {
        const count = async (table: 'tenant' | 'area_set') =>
          Number(
            (
              await db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<string>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        const demoReports = await db
          .selectFrom('report')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('demo', '=', true)
          .executeTakeFirstOrThrow();
        return {
          tenants: await count('tenant'),
          areaSets: await count('area_set'),
          demoReports: Number(demoReports.n),
        };
      } finally {
        await handle?.close();
      }
    },
    async close(): Promise<void> {
      await ctx?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The secrets and mail settings production demands (the mail relay is never reached: no reports here). */
const productionSecrets = {
  CONTACT_ENCRYPTION_KEYS: `1:${Buffer.alloc(32, 9).toString('base64')}`,
  SERVER_SECRET: Buffer.alloc(32, 8).toString('base64'),
  SMTP_URL: 'smtp://127.0.0.1:9/',
  MAIL_FROM: 'Meldpunt <meldpunt@gemeente.example>',
};

/** An IPv4 address of this machine that is not loopback, if it has one. */
function externalAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

/** GET over a connection to `address`, naming `host` in the Host header (fetch may not set it). */
function getVia(address: string, port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: address, port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

/** Connects to an SMTP port: `greeting` with the server's first line, or `refused`. */
function smtpGreeting(host: string, port: number): Promise<{ greeting: string } | { refused: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('data', (data) => {
      resolve({ greeting: data.toString() });
      socket.destroy();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve({ refused: error.code ?? error.message }));
    // A generous bound, only so a filtered (silently dropped) port ends the test: that is not open either.
    socket.setTimeout(30_000, () => {
      resolve({ refused: 'no answer' });
      socket.destroy();
    });
  });
}

describe(`the service as started: production by default, demo on request (${databaseKind})`, () => {
  before(() => {
    // The widget is served in both modes; build it once if this checkout has no build yet.
    if (existsSync(join(repoDir, 'widget/dist/meldpunt-widget.js'))) return;
    const build = spawnSync('pnpm', ['--filter', '@meldpunt/widget', 'build'], { cwd: repoDir, encoding: 'utf8' });
    assert.equal(build.status, 0, `pnpm --filter @meldpunt/widget build failed:\n${build.stdout}${build.stderr}`);
  });

  it('production is the default: without its secrets it refuses to start, names them and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meldpunt-refused-'));
    try {
      const refused = startServer({ PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: dir });
      const [code] = (await once(refused.child, 'close')) as [number | null]; // exited, all output read
      assert.notEqual(code, 0);
      for (const name of ['CONTACT_ENCRYPTION_KEYS', 'SERVER_SECRET', 'PUBLIC_ORIGIN', 'SMTP_URL', 'MAIL_FROM']) {
        assert.match(refused.output(), new RegExp(`${name}: Required in production`), name);
      }
      assert.doesNotMatch(refused.output(), /DEMO MODE/);
      assert.equal(existsSync(join(dir, 'contact-encryption.key')), false, 'no key written next to the data');
      assert.equal(existsSync(join(dir, 'pglite')), false, 'no database created');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('production with its secrets: the widget, no /dev/mail, no demo site, no demo tenants; the shipped areas', async () => {
    const database = await ownDatabase();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const { child, output } = startServer({
      ...productionSecrets,
      PUBLIC_ORIGIN: base,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...database.env,
    });
    try {
      await waitForHttp(`${base}/api/v1/ready`, 120_000, output);

      const widget = await fetch(`${base}/widget/meldpunt-widget.js`);
      assert.equal(widget.status, 200);
      assert.equal(widget.headers.get('cross-origin-resource-policy'), 'cross-origin');
      assert.equal(widget.headers.get('x-content-type-options'), 'nosniff');
      assert.match(widget.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);

      for (const path of [
        '/dev/mail',
        '/demo',
        '/demo/',
        '/demo/dordrecht.html',
        '/demo/assets/dordrecht-logo.svg',
        '/demo/vendor/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
        '/api/v1/tenants/dordrecht/config',
      ]) {
        const res = await fetch(`${base}${path}`, { redirect: 'manual' });
        assert.equal(res.status, 404, path);
        assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'", path);
        assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
        assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, path);
      }
    } finally {
      await stopServer(child);
    }
    assert.match(output(), /"mode":"production"/);
    assert.doesNotMatch(output(), /DEMO MODE/);
    try {
      assert.deepEqual(
        await database.count(),
        { tenants: 0, areaSets: 1, demoReports: 0 },
        'no tenant or report seeded, the 2025 areas imported',
      );
      assert.equal(existsSync(join(database.dir, 'contact-encryption.key')), false, 'no key written next to the data');
    } finally {
      await database.close();
    }
  });

  it('demo mode says so first; its dev mailbox shows a report, and it and its SMTP sink answer this machine only', async () => {
    const database = await ownDatabase();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // All interfaces (no HOST), as `pnpm start` listens: the mailbox must still answer loopback only.
    const { child, stdout, output } = startServer({
      MELDPUNT_MODE: 'demo',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...database.env,
    });
    try {
      await waitForHttp(`${base}/api/v1/ready`, 120_000, output);
      // The logger writes asynchronously: wait for the last start-up line (the mailbox's SMTP address).
      await waitFor(() => /"smtp":"smtp:/.test(stdout()), 60_000, output);
      const first = JSON.parse(stdout().split('\n')[0]!) as { msg: string };
      assert.match(first.msg, /^DEMO MODE: .*never use this in production/);

      const page = await fetch(`${base}/demo/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);

      const res = await fetch(`${base}/api/v1/tenants/dordrecht/reports`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': randomIp(),
          'Meldpunt-Proof': await solvedProofAt(base, 'dordrecht'),
        },
        body: JSON.stringify(minimalReport()),
      });
      assert.equal(res.status, 201, await res.clone().text());
      const { reference } = (await res.json()) as { reference: string };
      // Delivery is asynchronous: poll until the mail is there (a generous bound, only so a failure ends).
      const accepted = Date.now();
      let mailbox = await fetch(`${base}/dev/mail`);
      while (!(await mailbox.clone().text()).includes(reference)) {
        assert.equal(mailbox.status, 200);
        assert.ok(Date.now() - accepted < 60_000, `no mail for ${reference} after 60 s; output:\n${output()}`);
        await new Promise((r) => setTimeout(r, 100));
        mailbox = await fetch(`${base}/dev/mail`);
      }
      assert.match(await mailbox.text(), /oov-meldingen@dordrecht\.example/);
      assert.equal(mailbox.headers.get('x-content-type-options'), 'nosniff');
      assert.match(mailbox.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);

      const smtp = /"smtp":"smtp:\/\/([^:/]+):(\d+)/.exec(stdout());
      assert.ok(smtp, `the dev mailbox's SMTP address is logged:\n${stdout()}`);
      const [, smtpHost, smtpPort] = smtp;
      assert.equal(smtpHost, '127.0.0.1');
      assert.match(JSON.stringify(await smtpGreeting('127.0.0.1', Number(smtpPort))), /"greeting":"220 /);

      const external = externalAddress();
      if (external) {
        // The service answers on this address; its mailbox does not, even when asked for `localhost`.
        const host = `localhost:${port}`;
        assert.equal((await getVia(external, port, '/api/v1/health', host)).status, 200);
        const fromOutside = await getVia(external, port, '/dev/mail', host);
        assert.equal(fromOutside.status, 404);
        assert.ok(!fromOutside.body.includes(reference));
        const outside = await smtpGreeting(external, Number(smtpPort));
        assert.ok('refused' in outside, `the SMTP sink answered on ${external}: ${JSON.stringify(outside)}`);
      }
    } finally {
      await stopServer(child);
    }
    try {
      // Issue 14: demo mode seeds the demo reports too (and the retention sweep at start keeps them).
      const { demoReports } = await database.count();
      assert.equal(
        demoReports,
        demoCities.reduce((n, city) => n + city.count, 0),
      );
      assert.match(output(), /"reports":\["dordrecht:seeded:300",.*"msg":"demo reports seeded"/);
    } finally {
      await database.close();
    }
  });
});
