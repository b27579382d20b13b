/**
 * What the benches that start the service as operating-system processes share: start an entry point and
 * wait for its ready line, stop them, and a percentile of sorted figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The config-service folder: entry points are relative to it. */
const here = fileURLToPath(new URL('..', import.meta.url));

/** Starts a TypeScript entry point of the service and resolves once its stdout shows `ready`. */
export async function startProcess(entry: string, env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [entry], {
    cwd: here,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('no stdout');
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${entry} did not become ready`)), 60_000);
    stdout.on('data', (chunk: Buffer) => {
      if (seen.includes(ready)) return;
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  stdout.resume(); // keep draining its logs
  return child;
}

export async function stopProcesses(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
