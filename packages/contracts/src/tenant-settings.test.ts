import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tenantSettingsSchema } from './tenant-settings.ts';

describe('tenant settings: routing', () => {
  it('routes reports placed elsewhere by default; keeping them is a setting', () => {
    assert.deepEqual(tenantSettingsSchema.parse({}).routing, { keepReportsElsewhere: false });
    assert.deepEqual(tenantSettingsSchema.parse({ routing: { keepReportsElsewhere: true } }).routing, {
      keepReportsElsewhere: true,
    });
    assert.equal(tenantSettingsSchema.safeParse({ routing: { keep: true } }).success, false);
  });
});
