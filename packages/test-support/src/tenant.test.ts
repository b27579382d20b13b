import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tenantConfigSchema, tenantImportSchema } from '@meldpunt/contracts';
import { testTenantConfig, testTenantDocument } from './tenant.ts';

describe('the test tenant', () => {
  it('is a valid import document under any slug', () => {
    const parsed = tenantImportSchema.parse(testTenantDocument('t-0123456789ab'));
    assert.equal(parsed.config.slug, 't-0123456789ab');
    assert.deepEqual(parsed.settings.delivery.email, [{ address: 'oov@testgemeente.example' }]);
  });

  it('its config is complete: publishing it fills in no default, so the widget tests see what the service serves', () => {
    assert.deepEqual(tenantConfigSchema.parse(testTenantConfig()), testTenantConfig());
  });

  it('changes replace parts of the config and settings and keep the rest', () => {
    const doc = testTenantDocument('t-changed', {
      config: { locales: ['nl'] },
      settings: { delivery: { email: [] } },
    });
    assert.deepEqual(doc.config.locales, ['nl']);
    assert.equal(doc.config.slug, 't-changed');
    assert.deepEqual(doc.settings.delivery, { email: [] });
    assert.deepEqual(doc.settings.allowedOrigins, ['https://www.testgemeente.example']);
    assert.equal(testTenantConfig({ name: 'Gemeente Anders' }).name, 'Gemeente Anders');
  });
});
