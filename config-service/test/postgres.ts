/**
 * A throwaway real PostgreSQL for the test runner (test/run.ts) and the API benchmark (bench/api.ts).
 *
 * `startPostgres()` runs initdb in a fresh temp folder, starts the server on a free loopback TCP port
 * (plus a Unix socket in that folder), creates the `meldpunt` database and returns its URL.
 * `stop()` kills the server and deletes the folder; a process `exit` hook does the same if the caller
 * never gets that far. PostgreSQL refuses to run as root, so as root (CI, containers) every
 * PostgreSQL tool runs as the `postgres` user through `runuser`, and the temp folder belongs to it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './net.ts';

const execFileAsync = promisify(execFile);

export interface RunningPostgres {
  /** `postgresql://postgres@127.0.0.1:PORT/meldpunt` (trust auth, no password). */
  url: string;
  dataDir: string;
  port: number;
  /** Folder holding the server's Unix socket (use as `-h` for psql, pgbench, pg_dump). */
  socketDir: string;
  /** Stops the server and removes its temp folder. Safe to call more than once. */
  stop(): Promise<void>;
  /**
   * Freezes the server as a hung host would: SIGSTOP to the postmaster and every child process.
   * Connections stay open and nothing answers. Returns `resume` (SIGCONT to the same processes);
   * call it in a `finally`.
   */
  pause(): () => void;
}

const INSTALL_HINT =
  'PostgreSQL server binaries not found. Install them with: apt-get install -y postgresql (Debian/Ubuntu), ' +
  'or set PG_BIN to the folder holding initdb and pg_ctl.';

const DATABASE = 'meldpunt';
const START_ATTEMPTS = 5;

/** Who runs the PostgreSQL tools: ourselves, or (as root) the `postgres` user. */
interface Runner {
  bin: string;
  /** Set when we are root: the `postgres` user the tools run as. */
  owner?: { uid: number; gid: number };
  /** Working directory for the tools; must be readable by the user they run as. */
  cwd: string;
}

/**
 * The folder with initdb, pg_ctl, postgres and pgbench: `PG_BIN` if set, else the newest
 * `/usr/lib/postgresql/<N>/bin` (Debian/Ubuntu layout) that has initdb, else initdb's folder on PATH.
 */
export function findPostgresBin(): string | undefined {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) return fromEnv;
  return newestDebianBin() ?? binFromPath();
}

/** The highest-numbered `/usr/lib/postgresql/<N>/bin` holding initdb, if any. */
function newestDebianBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const newest = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))[0];
  return newest === undefined ? undefined : join(root, newest, 'bin');
}

/** The folder of `initdb` as found by `which`, if it is on PATH. */
function binFromPath(): string | undefined {
  try {
    const initdb = execFileSync('which', ['initdb'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return initdb ? initdb.replace(/\/initdb$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** uid and gid of the `postgres` user; throws a clear error when there is none. */
function postgresUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      'Running as root, but there is no `postgres` user to run PostgreSQL as (initdb refuses root). ' +
        'Create it with: apt-get install -y postgresql (Debian/Ubuntu), or useradd --system postgres; ' +
        'or run the tests as a non-root user.',
    );
  }
}

/** The command and arguments that run a PostgreSQL tool, via `runuser` when we are root. */
function toolCommand(runner: Runner, tool: string, args: readonly string[]): [string, string[]] {
  const path = join(runner.bin, tool);
  return runner.owner ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, [...args]];
}

/** Runs a PostgreSQL tool with captured output; rejects with a message ending in its stderr tail. */
async function runTool(runner: Runner, tool: string, args: readonly string[]): Promise<void> {
  const [command, commandArgs] = toolCommand(runner, tool, args);
  try {
    await execFileAsync(command, commandArgs, { cwd: runner.cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`${tool} failed: ${describeExecError(error)}`);
  }
}

/** The tail of stderr (or stdout, or the message) of a failed execFile. */
function describeExecError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { stderr, stdout } = error as Error & { stderr?: string; stdout?: string };
  return tail(stderr?.trim() || stdout?.trim() || error.message);
}

/** The last `lines` lines of a text. */
function tail(text: string, lines = 20): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** The last lines of the server log, or a note that there is none. */
function logTail(logFile: string): string {
  try {
    return `--- tail of ${logFile} ---\n${tail(readFileSync(logFile, 'utf8'))}`;
  } catch {
    return `(no server log at ${logFile})`;
  }
}

/** Makes a private temp folder, owned by (and so traversable for) the postgres user when root. */
function makeBaseDir(owner: Runner['owner']): string {
  const base = mkdtempSync(join(tmpdir(), 'meldpunt-pg-'));
  if (owner) {
    chownSync(base, owner.uid, owner.gid);
    chmodSync(base, 0o700);
  } else {
    chmodSync(base, 0o755);
  }
  return base;
}

/** The `-o` options for the postmaster: port, socket, loopback TCP and, when `fast`, no durability. */
function serverOptions(port: number, socketDir: string, fast: boolean): string {
  const options = [`-p ${port}`, `-k '${socketDir}'`, "-c listen_addresses='127.0.0.1'", '-c max_connections=200'];
  if (fast) options.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  return options.join(' ');
}

/** Synchronous best-effort `pg_ctl stop -m immediate`, for the exit hook and failed starts. */
function stopServerSync(runner: Runner, dataDir: string): void {
  const [command, args] = toolCommand(runner, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
  try {
    execFileSync(command, args, { cwd: runner.cwd, stdio: 'ignore', timeout: 30_000 });
  } catch {
    // Not running (any more): nothing to stop.
  }
}

/** Starts pg_ctl on a fresh free port, retrying with another port; returns the port it got. */
async function startServer(runner: Runner, dataDir: string, socketDir: string, logFile: string, fast: boolean) {
  const failures: string[] = [];
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const port = await freePort();
    const args = ['-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', serverOptions(port, socketDir, fast), 'start'];
    try {
      await runTool(runner, 'pg_ctl', args);
      return port;
    } catch (error) {
      failures.push(`attempt ${attempt} (port ${port}): ${(error as Error).message}`);
      stopServerSync(runner, dataDir); // a timed-out start may have left a postmaster behind
    }
  }
  throw new Error(
    `PostgreSQL did not start after ${START_ATTEMPTS} attempts.\n${failures.join('\n')}\n${logTail(logFile)}`,
  );
}

/** SIGSTOPs the postmaster (so it starts no new process), then its children until none is left running. */
function pauseServer(dataDir: string): () => void {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const stopped = [postmaster];
  process.kill(postmaster, 'SIGSTOP');
  const resume = () => {
    for (const pid of stopped) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // Exited meanwhile.
      }
    }
  };
  try {
    // Again until a look finds no new child: one may have been forked just before the postmaster stopped.
    let running = childrenOf(postmaster);
    while (running.length > 0) {
      for (const pid of running) process.kill(pid, 'SIGSTOP');
      stopped.push(...running);
      running = childrenOf(postmaster).filter((pid) => !stopped.includes(pid));
    }
  } catch (error) {
    resume();
    throw error;
  }
  return resume;
}

/** The process ids whose parent is `pid` (`pgrep -P`; none when it exits with 1). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
  } catch (error) {
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

/**
 * Starts a new PostgreSQL in a temp folder with database `meldpunt`. `fast` (the default) turns off
 * fsync, synchronous_commit and full_page_writes, which is fine for throwaway data; the benchmark
 * passes `fast: false` to measure with the default durability settings.
 */
export async function startPostgres(options: { fast?: boolean } = {}): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (!bin || !existsSync(join(bin, 'initdb')) || !existsSync(join(bin, 'pg_ctl'))) throw new Error(INSTALL_HINT);
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  const base = makeBaseDir(owner);
  const runner: Runner = { bin, owner, cwd: base };
  const dataDir = join(base, 'data');
  const socketDir = base;
  const logFile = join(base, 'postgres.log');

  let stopped = false;
  /** Stops the server (if started) and removes the folder; runs at most once. */
  const stopSync = (): void => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stopSync);
    if (existsSync(join(dataDir, 'postmaster.pid'))) stopServerSync(runner, dataDir);
    rmSync(base, { recursive: true, force: true });
  };
  process.on('exit', stopSync);

  /** `pg_ctl -m immediate stop` without blocking the event loop, then removes the folder; idempotent. */
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stopSync);
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      await runTool(runner, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']).catch(() => {
        // Already gone: nothing to stop.
      });
    }
    rmSync(base, { recursive: true, force: true });
  };

  try {
    await runTool(runner, 'initdb', ['-D', dataDir, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C']);
    const port = await startServer(runner, dataDir, socketDir, logFile, options.fast ?? true);
    await runTool(runner, 'createdb', ['-h', socketDir, '-p', String(port), '-U', 'postgres', DATABASE]).catch(
      (error: Error) => {
        throw new Error(`${error.message}\n${logTail(logFile)}`);
      },
    );
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/${DATABASE}`,
      dataDir,
      port,
      socketDir,
      stop,
      pause: () => pauseServer(dataDir),
    };
  } catch (error) {
    stopSync();
    throw error;
  }
}
