import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { withinDeadline } from '../../test/deadline.ts';
import { databaseKind } from '../../test/helpers.ts';
import { loadEnv, type EnvPurpose } from '../env.ts';
import { connectFromEnv } from './connect.ts';
import { openDatabase } from './dialect.ts';

const purposes: EnvPurpose[] = ['service', 'worker', 'cli'];

describe(`connectFromEnv’s timeouts (${databaseKind})`, () => {
  // A server that takes connections and never says a word, like a PostgreSQL host that hangs.
  let silent: Server;
  const sockets = new Set<Socket>();
  before(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('gives up on a server that does not answer after DB_CONNECT_TIMEOUT_MS, whatever the purpose', async () => {
    const { port } = silent.address() as { port: number };
    const env = loadEnv({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/meldpunt`,
      DB_CONNECT_TIMEOUT_MS: '500',
    });
    for (const purpose of purposes) {
      const connecting = connectFromEnv(env, purpose).then(
        (handle) => handle.close().then(() => 'connected'),
        (error: Error) => error,
      );
      // Generous slack for a busy machine; without a timeout it would wait for good.
      const outcome = await withinDeadline(connecting, 10_000);
      assert.ok(outcome instanceof Error, `${purpose}: gave up (got ${String(outcome)})`);
      assert.match(outcome.message, /timeout/, purpose);
    }
  });

  it(
    'holds the service’s and workers’ statements to DB_QUERY_TIMEOUT_MS, not the command-line jobs’',
    { skip: databaseKind === 'pglite' && 'PostgreSQL settings; runs in the PostgreSQL run' },
    async () => {
      const env = loadEnv({ DATABASE_URL: process.env.TEST_DATABASE_URL, DB_QUERY_TIMEOUT_MS: '1500' });
      for (const purpose of purposes) {
        const handle = await connectFromEnv(env, purpose);
        try {
          const { rows } = await sql<{ name: string; setting: string }>`
            select name, setting from pg_settings
            where name in ('statement_timeout', 'idle_in_transaction_session_timeout') order by name
          `.execute(handle.db);
          const expected = purpose === 'cli' ? '0' : '1500';
          assert.deepEqual(
            rows,
            [
              { name: 'idle_in_transaction_session_timeout', setting: expected },
              { name: 'statement_timeout', setting: expected },
            ],
            purpose,
          );
        } finally {
          await handle.close();
        }
      }
    },
  );

  it(
    'survives a connection lost while a transaction holds it: the transaction fails, the process lives, the pool goes on',
    { skip: databaseKind === 'pglite' && 'PostgreSQL connections; runs in the PostgreSQL run' },
    async () => {
      const handle = openDatabase({ url: process.env.TEST_DATABASE_URL, poolSize: 2 });
      try {
        const outcome = await handle.db
          .transaction()
          .execute(async (trx) => {
            const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
            const pid = rows[0]?.pid;
            // Cut from another connection while this one is checked out and idle (as a failover or a
            // proxy's reset does); pg then emits 'error' on a client no pool listener is on.
            await sql`select pg_terminate_backend(${pid})`.execute(handle.db);
            for (;;) {
              const alive = await sql`select 1 from pg_stat_activity where pid = ${pid}`.execute(handle.db);
              if (alive.rows.length === 0) break;
            }
            await new Promise((resolve) => setImmediate(resolve));
            return sql`select 1`.execute(trx);
          })
          .then(
            () => 'committed',
            (error: unknown) => error,
          );
        assert.ok(outcome instanceof Error, `the transaction failed (got ${String(outcome)})`);
        const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
        assert.deepEqual(rows, [{ one: 1 }], 'a fresh connection answers');
      } finally {
        await handle.close();
      }
    },
  );
});
