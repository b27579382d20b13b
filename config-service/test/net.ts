import { createServer, Socket } from 'node:net';

/** A TCP port on loopback that was free a moment ago (for servers the tests and benchmarks start). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * For tests that name addresses beyond loopback (a webhook to 10.0.0.1): from now on, every TCP
 * connection this process starts to a host other than `127.0.0.1`, `::1` or `localhost` is stopped
 * before it begins (the socket fails with `ETESTBLOCKED`) and its host recorded in `blocked`. A test
 * asserts `blocked` is empty; the code under test never gets to send anything anywhere else.
 */
export function blockNonLoopbackConnections(): { blocked: string[]; restore(): void } {
  const connect = Socket.prototype.connect;
  const blocked: string[] = [];
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    const host = connectHost(args);
    if (host !== undefined && !loopbackHosts.has(host)) {
      blocked.push(host);
      const error = Object.assign(new Error(`Test: no connection to ${host}`), { code: 'ETESTBLOCKED' });
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return (connect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof connect;
  return {
    blocked,
    restore: () => {
      Socket.prototype.connect = connect;
    },
  };
}

/** The host of `socket.connect(options | [options, cb] | port, host?)`; undefined for a Unix socket path. */
function connectHost(args: unknown[]): string | undefined {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    return options.path ? undefined : (options.host ?? 'localhost');
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof args[1] === 'string' ? args[1] : 'localhost';
  }
  return undefined;
}
