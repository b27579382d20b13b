/**
 * A throwaway real PostgreSQL for the test suite and the API benchmark: initdb in a temp folder,
 * started on a free loopback port (and a private socket), dropped again by `stop()`.
 * As root (CI), initdb and the server run as the `postgres` user, since PostgreSQL refuses root.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RunningPostgres {
  url: string;
  dataDir: string;
  port: number;
  socketDir: string;
  stop(): Promise<void>;
}

const installHint =
  'PostgreSQL server binaries not found. Install them with: apt-get install -y postgresql (Debian/Ubuntu), or set PG_BIN to the folder holding initdb and pg_ctl.';

/** The folder with initdb, pg_ctl and pgbench: `PG_BIN`, the newest Debian install, or PATH. */
export function findPostgresBin(): string | undefined {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  try {
    const initdb = execFileSync('which', ['initdb'], { encoding: 'utf8' }).trim();
    return initdb ? initdb.replace(/\/initdb$/, '') : undefined;
  } catch {
    return undefined;
  }
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('Running as root, but there is no `postgres` user to run PostgreSQL as. ' + installHint);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Starts a new PostgreSQL; `fast` (default) turns durability off, fine for throwaway data. */
export async function startPostgres(options: { fast?: boolean } = {}): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(installHint);
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : undefined;
  const base = mkdtempSync(join(tmpdir(), 'meldpunt-pg-'));
  const dataDir = join(base, 'data');
  const socketDir = base;
  const logFile = join(base, 'postgres.log');
  if (owner) chownSync(base, owner.uid, owner.gid);

  /** Runs a PostgreSQL tool, as the postgres user when we are root. */
  const tool = (name: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, name), ...args]) : run(join(bin, name), args);

  const cleanup = () => rmSync(base, { recursive: true, force: true });
  try {
    await tool('initdb', ['-D', dataDir, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C']);
  } catch (error) {
    cleanup();
    throw new Error(`initdb failed: ${tail((error as { stderr?: string }).stderr ?? String(error))}`);
  }

  const durability =
    options.fast === false ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
  let port = 0;
  let lastError = '';
  for (let attempt = 0; attempt < 5 && !port; attempt++) {
    const candidate = await freePort();
    const serverOptions = [
      `-p ${candidate}`,
      `-k ${socketDir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c max_connections=200',
      ...durability,
    ].join(' ');
    try {
      await tool('pg_ctl', ['-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', serverOptions, 'start']);
      port = candidate;
    } catch (error) {
      lastError = (error as { stderr?: string }).stderr ?? String(error);
    }
  }
  if (!port) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    cleanup();
    throw new Error(`PostgreSQL did not start: ${tail(lastError)}\n${tail(log)}`);
  }

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      const args = ['-D', dataDir, '-m', 'immediate', 'stop'];
      if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else execFileSync(join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
    cleanup();
  };
  process.once('exit', stopSync);

  try {
    await tool('createdb', ['-h', socketDir, '-p', String(port), '-U', 'postgres', 'meldpunt']);
  } catch (error) {
    stopSync();
    throw new Error(`createdb failed: ${tail((error as { stderr?: string }).stderr ?? String(error))}`);
  }

  return {
    url: `postgresql://postgres@127.0.0.1:${port}/meldpunt`,
    dataDir,
    port,
    socketDir,
    stop: async () => {
      process.removeListener('exit', stopSync);
      stopSync();
    },
  };
}
