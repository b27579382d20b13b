import { sql, type Kysely } from 'kysely';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { Database } from '../db/database.ts';

/**
 * Prometheus metrics of this process, in one registry. The rule for labels: a bounded set of values
 * that says nothing about a person or a report — a refusal's code, a tenant's slug (a municipality,
 * public; only for accepted reports, whose slug is known to be a published tenant, so a flood of
 * made-up slugs cannot blow up the series), never an address, a client key, a report id or any text a
 * reporter typed. `ops/metrics.test.ts` scrapes and checks it.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** The counters other modules may increment; one object, so their names are found in one place. */
export const metrics = {
  reportsAccepted: new Counter({
    name: 'meldpunt_reports_accepted_total',
    help: 'Reports accepted (201, replays of an Idempotency-Key included), by source tenant.',
    labelNames: ['tenant'] as const,
    registers: [registry],
  }),
  reportsRefused: new Counter({
    name: 'meldpunt_reports_refused_total',
    help: 'Reports refused, by the problem type of the answer (too-many-reports, proof-invalid, invalid-fields, …).',
    labelNames: ['reason'] as const,
    registers: [registry],
  }),
  rateLimitRefusals: new Counter({
    name: 'meldpunt_rate_limit_refusals_total',
    help: 'Reports refused by the per-client rate limit.',
    registers: [registry],
  }),
  proofRefusals: new Counter({
    name: 'meldpunt_proof_of_work_refusals_total',
    help: 'Reports refused for their proof of work, by why (proof-required, proof-invalid, proof-expired, proof-replayed, proof-outdated).',
    labelNames: ['reason'] as const,
    registers: [registry],
  }),
};

const deliveriesDue = new Gauge({
  name: 'meldpunt_deliveries_due',
  help: 'Deliveries due now and not yet being sent (queued or retrying, or a claim whose lease ran out).',
  registers: [registry],
});
const deliveriesPending = new Gauge({
  name: 'meldpunt_deliveries_pending',
  help: 'Deliveries not yet sent or failed: due, scheduled for a retry, or being sent.',
  registers: [registry],
});
const oldestDueAge = new Gauge({
  name: 'meldpunt_delivery_oldest_due_age_seconds',
  help: 'How long the delivery that has been due longest has waited (0 when none is due).',
  registers: [registry],
});
const deliveriesFailed = new Gauge({
  name: 'meldpunt_deliveries_failed',
  help: 'Deliveries that failed for good (permanent error or given up) and were not re-driven.',
  registers: [registry],
});
const databaseUp = new Gauge({
  name: 'meldpunt_metrics_database_up',
  help: '1 when the delivery figures above were read from the database at this scrape, 0 when it did not answer (they are then stale).',
  registers: [registry],
});
const notificationsListening = new Gauge({
  name: 'meldpunt_notifications_listening',
  help: '1 while the LISTEN connection is up (PostgreSQL only); 0: workers and caches fall back to polling.',
  registers: [registry],
});

export interface ScrapeSources {
  db: Kysely<Database>;
  /** The process's LISTEN connection, when it has one (PostgreSQL). */
  listening?: () => boolean;
}

/**
 * The metrics text at this moment: the counters as they are, the outbox's figures read now (shared by
 * every instance: the same figures whichever one is scraped).
 */
export async function scrape(sources: ScrapeSources): Promise<{ contentType: string; body: string }> {
  try {
    const row = await sources.db
      .selectFrom('delivery')
      .select([
        sql<string>`count(*) filter (where (status in ('queued', 'retrying') and next_attempt_at <= now())
          or (status = 'sending' and locked_until <= now()))`.as('due'),
        sql<string>`count(*) filter (where status in ('queued', 'retrying', 'sending'))`.as('pending'),
        sql<string>`count(*) filter (where status = 'failed')`.as('failed'),
        sql<
          number | null
        >`extract(epoch from now() - min(next_attempt_at) filter (where status in ('queued', 'retrying')
          and next_attempt_at <= now()))::float8`.as('oldest'),
      ])
      .where('status', 'in', ['queued', 'retrying', 'sending', 'failed'])
      .executeTakeFirstOrThrow();
    deliveriesDue.set(Number(row.due));
    deliveriesPending.set(Number(row.pending));
    deliveriesFailed.set(Number(row.failed));
    oldestDueAge.set(row.oldest === null ? 0 : Number(row.oldest));
    databaseUp.set(1);
  } catch {
    databaseUp.set(0);
  }
  if (sources.listening) notificationsListening.set(sources.listening() ? 1 : 0);
  return { contentType: registry.contentType, body: await registry.metrics() };
}
