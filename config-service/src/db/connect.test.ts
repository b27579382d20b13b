import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { withinDeadline } from '../../test/deadline.ts';
import { databaseKind } from '../../test/helpers.ts';
import { loadEnv, type EnvPurpose } from '../env.ts';
import { connectFromEnv } from './connect.ts';

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
});
