import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A pid file guards the folder; a stale one (its process gone) is taken over.
 */
export function lockDataDir(file: string): () => void {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database is in use by process ${pid} (is \`pnpm start\` running?). ` +
          'Stop it first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.',
      );
    }
    writeFileSync(file, String(process.pid));
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rmSync(file, { force: true });
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
