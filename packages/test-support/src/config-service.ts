/**
 * The real config-service as a child process, for the benches that measure what a browser gets from it
 * (`pnpm bench:widget`, `pnpm bench:console`): started in demo mode (demo tenants and staff seeded) on a
 * port of the caller's choice, its database in a directory of the caller's, and stopped again. Node only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const configServiceDir = join(dirname(fileURLToPath(import.meta.url)), '../../../config-service');

/** Polls `url` until it answers 200, or fails when `child` exits or 60 s pass. */
export async function waitForHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`config-service exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 within 60 s`);
}

/** The config-service as a child process on `port`, its database in `dataDir` (demo tenants seeded). */
export async function startConfigService(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: configServiceDir,
    env: {
      ...process.env,
      MELDPUNT_MODE: 'demo',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealthy(`http://127.0.0.1:${port}/api/v1/ready`, child);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return child;
}

/** Stops a child process: SIGTERM, SIGKILL after 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
