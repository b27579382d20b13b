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
