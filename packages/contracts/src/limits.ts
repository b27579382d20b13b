/** Hard limits shared by the widget (input attributes, counters) and the service (validation). */
export const limits = {
  /** Largest request body the service accepts, in bytes. */
  maxBodyBytes: 64 * 1024,
  descriptionMaxLength: 5000,
  locationTextMaxLength: 500,
  nameMaxLength: 200,
  emailMaxLength: 254,
  phoneMaxLength: 32,
  extraValueMaxLength: 500,
  maxCategoriesPerReport: 20,
  maxExtraFields: 20,
  /** How far a reporter's clock may run ahead of ours before `occurredAt` counts as "in the future". */
  clockSkewMs: 5 * 60 * 1000,
  /** Earliest accepted incident date: long ago is fine, nonsense is not. */
  earliestOccurredAt: '1950-01-01T00:00:00Z',
  idempotencyKeyMaxLength: 128,
} as const;

/** Languages the product ships complete default texts for. `ar` is right-to-left. */
export const supportedLocales = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'] as const;
export type Locale = (typeof supportedLocales)[number];
export const rtlLocales: readonly Locale[] = ['ar'];

// ── Private settings (issue 13) ──
/**
 * The bounds the platform operator sets for a tenant's own rate limit (reports per client per window),
 * applied when an admin saves the settings in the console. The limit counts per client at the embedding
 * tenant, and routed reports land at another tenant: a tenant that allowed, say, a thousand reports a
 * minute would let one client flood its neighbours' inboxes. A platform constant (changed by a release,
 * like every limit here) rather than an environment variable, so the console shows the same bounds the
 * service applies. `pnpm tenant:import` (the operator's own tool) is not held to them.
 */
export const rateLimitBounds = {
  /** Reports per window: at least one, at most this many. */
  maxReports: 100,
  /** The window: at least a minute, at most a day. */
  minWindowSeconds: 60,
  maxWindowSeconds: 86_400,
  /** However the two are combined: at most this many reports per client per hour. */
  maxReportsPerHour: 60,
} as const;

/** How many test deliveries a tenant may ask for per window (each goes to every configured target). */
export const testDeliveryLimit = { deliveries: 5, windowSeconds: 600 } as const;
