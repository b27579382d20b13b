/**
 * One "service instance" appending to an audit chain, for the concurrency test of `src/audit/`:
 * `node test/audit-appender.ts <tenant id> <count>` with DATABASE_URL and SERVER_SECRET set. It
 * connects, prints `ready`, waits for a line on stdin (so two such processes start appending at the
 * same moment), appends `count` sign-ins four at a time over its own pool, prints `done` and exits.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { AuditLog } from '../src/audit/audit-log.ts';
import { openDatabase } from '../src/db/dialect.ts';
import { createLogger } from '../src/logger.ts';
import { ServerSecret } from '../src/secrets/server-secret.ts';

const [tenantId = '', count = '0'] = process.argv.slice(2);
const handle = openDatabase({ url: process.env.DATABASE_URL, poolSize: 4 });
const log = new AuditLog({
  db: handle.db,
  serverSecret: ServerSecret.fromBase64(process.env.SERVER_SECRET ?? ''),
  logger: createLogger('silent'),
});
await handle.db.selectFrom('tenant').select('id').limit(1).execute(); // connected
console.log('ready');
await once(process.stdin, 'data');
let next = 0;
const appender = async () => {
  while (next < Number(count)) {
    next++;
    await log.append({
      tenantId,
      actor: { kind: 'staff', id: randomUUID() },
      action: 'auth.sign-in',
      target: { kind: 'session', id: randomUUID() },
      details: { method: 'passkey' },
    });
  }
};
await Promise.all([appender(), appender(), appender(), appender()]);
await handle.close();
console.log('done');
process.stdin.destroy();
