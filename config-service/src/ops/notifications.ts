import pg from 'pg';
import type { Logger } from '../logger.ts';

/** The channels the database's triggers notify on (migration 2026-12-09T03-00-notify). */
export const channels = {
  /** A delivery became due now (no payload). */
  delivery: 'meldpunt_delivery',
  /** A tenant row changed; the payload is its slug. */
  tenant: 'meldpunt_tenant',
} as const;

export type Channel = (typeof channels)[keyof typeof channels];

export interface NotificationListenerOptions {
  /** The PostgreSQL URL: a session (not transaction) pooler or the server itself, or LISTEN hears nothing. */
  url: string;
  /** What to do on a notice, per channel (the payload: '' or a tenant slug). */
  on: Partial<Record<Channel, (payload: string) => void>>;
  /**
   * Called after every (re)connection: notices sent while we were not listening are lost, so whoever
   * relies on them catches up here (a worker looks for due deliveries, the tenant cache forgets all).
   */
  onListening?: () => void;
  logger: Logger;
  connectTimeoutMs?: number;
  /** First wait before reconnecting after a loss; doubles up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface NotificationListener {
  /** Whether the connection is up and listening now (the metrics show it). */
  readonly listening: boolean;
  stop(): Promise<void>;
}

/**
 * One dedicated connection per process that `LISTEN`s on the given channels, kept outside the pool
 * (a pooled connection goes back and stops listening). On a lost connection it reconnects with
 * exponential backoff and full jitter, so a database restart does not meet every instance at once;
 * meanwhile the pollers (the worker's `DELIVERY_POLL_MS`, the tenant cache's `CONFIG_REFRESH_MS`) are
 * the fallback, and nothing waits on this connection at start-up.
 */
export function startNotificationListener(options: NotificationListenerOptions): NotificationListener {
  const logger = options.logger.child({ component: 'notifications' });
  const base = options.baseBackoffMs ?? 250;
  const max = options.maxBackoffMs ?? 30_000;
  let stopped = false;
  let listening = false;
  let failures = 0;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async () => {
    retryTimer = undefined;
    if (stopped) return;
    const current = new pg.Client({
      connectionString: options.url,
      ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
      // Keepalive, so a connection dropped silently (a NAT, a failover) is noticed and replaced.
      keepAlive: true,
    });
    client = current;
    let lost = false;
    const onLost = (reason: string) => {
      if (lost) return;
      lost = true;
      listening = false;
      current.removeAllListeners('notification');
      void current.end().catch(() => {});
      if (stopped) return;
      failures++;
      const delay = Math.round(Math.random() * Math.min(max, base * 2 ** Math.min(failures - 1, 16)));
      logger.warn({ reason, retryInMs: delay }, 'notification connection lost; polling until it is back');
      retryTimer = setTimeout(() => void connect(), delay);
    };
    current.on('error', (error: Error & { code?: string }) => onLost(error.code ?? error.name));
    current.on('end', () => onLost('end'));
    current.on('notification', (message) => {
      const handler = options.on[message.channel as Channel];
      handler?.(message.payload ?? '');
    });
    try {
      await current.connect();
      for (const channel of Object.keys(options.on)) {
        await current.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
    } catch (error) {
      onLost((error as { code?: string }).code ?? (error as Error).name);
      return;
    }
    if (stopped || lost) return;
    listening = true;
    logger.info({ channels: Object.keys(options.on), afterFailures: failures }, 'listening for notifications');
    failures = 0;
    options.onListening?.();
  };
  void connect();

  return {
    get listening() {
      return listening;
    },
    stop: async () => {
      stopped = true;
      listening = false;
      clearTimeout(retryTimer);
      await client?.end().catch(() => {});
    },
  };
}
