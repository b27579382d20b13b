import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import { ClientKeys } from '../limits/client-keys.ts';
import { LimitStore, type LimitStoreOptions, type Reservation } from '../limits/limit-store.ts';
import type { ServerSecret } from '../secrets/server-secret.ts';

/** A tenant's `settings.rateLimit`: reports per client per window. */
interface TenantLimit {
  id: string;
  settings: { rateLimit: { reports: number; windowSeconds: number } };
}

/**
 * Reports per client, twice over (issue 16): through each tenant's widget (the embedding `:slug`,
 * with that tenant's limit) and into each tenant's inbox (after routing, with the receiving tenant's
 * limit). A national reporting point with a high limit can then not fill a municipality's inbox beyond
 * the municipality's own limit per client. There is no global ceiling and no per-tenant stop: one
 * attacker cannot lock genuine reporters out, only use up their own limits.
 *
 * Counted in the database (`LimitStore`), so every instance enforces one limit together.
 */
export class ReportRateLimiter {
  readonly #store: LimitStore;

  constructor(
    deps: { db: Kysely<Database>; serverSecret: Pick<ServerSecret, 'deriveKey'> },
    options: LimitStoreOptions = {},
  ) {
    this.#store = new LimitStore(deps.db, new ClientKeys(deps.serverSecret), options);
  }

  /**
   * Takes one report from the client's limits at the sending and the receiving tenant, before the
   * report is stored; `release` gives both back (a replay, a refusal after this). Over either limit:
   * `too-many-reports` with the longer wait, and nothing is taken.
   */
  async reserve(
    network: string | undefined,
    sending: TenantLimit,
    receiving: TenantLimit,
  ): Promise<Pick<Reservation, 'release'>> {
    const sent = await this.#store.reserve(`report-sent:${sending.id}`, network, limitOf(sending));
    if (!sent.reserved) throw tooMany(sent.retryAfterSeconds);
    const received = await this.#store
      .reserve(`report-received:${receiving.id}`, network, limitOf(receiving))
      .catch(async (error: unknown) => {
        await sent.release();
        throw error;
      });
    if (!received.reserved) {
      await sent.release();
      throw tooMany(received.retryAfterSeconds);
    }
    return {
      release: async () => {
        await Promise.all([sent.release(), received.release()]);
      },
    };
  }

  /** The in-memory part's size (for the memory bench). */
  get rememberedRefusals(): number {
    return this.#store.rememberedRefusals;
  }
}

function limitOf(tenant: TenantLimit) {
  return { max: tenant.settings.rateLimit.reports, windowSeconds: tenant.settings.rateLimit.windowSeconds };
}

function tooMany(retryAfterSeconds: number): DomainError {
  return new DomainError({ code: 'too-many-reports', retryAfterSeconds }, 'Rate limit reached');
}
