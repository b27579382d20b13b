import type { DeliveryChannel, StoredTenantSettings } from '../db/database.ts';

/** Where one delivery of a report goes: a municipal e-mail address or the tenant's webhook URL. */
export interface DeliveryTarget {
  channel: DeliveryChannel;
  target: string;
}

/** Every target a new report of the tenant is delivered to, each once. Empty for a tenant without channels. */
export function deliveryTargets(settings: Pick<StoredTenantSettings, 'delivery'>): DeliveryTarget[] {
  const targets: DeliveryTarget[] = [];
  const seen = new Set<string>();
  for (const { address } of settings.delivery.email) {
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push({ channel: 'email', target: address });
  }
  if (settings.delivery.webhook) targets.push({ channel: 'webhook', target: settings.delivery.webhook.url });
  return targets;
}
