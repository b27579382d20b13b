import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  areaOutlineSchema,
  tenantConfigSchema,
  tenantSettingsSchema,
  type TenantConfigInput,
} from './tenant-config.ts';

const config: TenantConfigInput = {
  slug: 'dordrecht',
  name: 'Gemeente Dordrecht',
  municipalityCode: 'GM0505',
  locales: ['nl'],
  branding: { primaryColor: '#1a4d8f' },
  categories: [{ id: 'verbal' }],
  followUp: { mode: 'active', response: { title: { nl: 'Dank je wel' }, body: { nl: 'We lezen elke melding.' } } },
  privacy: { url: 'https://www.dordrecht.nl/privacy', retentionMonths: 24, contactRetentionMonths: 6 },
  map: { center: { lat: 51.81, lng: 4.69 }, zoom: 13 },
};

describe('tenant config: the link to a municipality', () => {
  it('takes a CBS municipality code, and refuses anything else', () => {
    assert.equal(tenantConfigSchema.parse(config).municipalityCode, 'GM0505');
    const wrong = tenantConfigSchema.safeParse({ ...config, municipalityCode: '0505' });
    assert.equal(wrong.success, false);
    assert.deepEqual(
      wrong.error?.issues.map((i) => i.path),
      [['municipalityCode']],
    );
  });

  it('a national tenant covers the whole country, so it has no municipality code', () => {
    const result = tenantConfigSchema.safeParse({ ...config, kind: 'national' });
    assert.equal(result.success, false);
    assert.match(result.error?.issues[0]?.message ?? '', /national tenant .* no municipality code/);
    assert.equal(
      tenantConfigSchema.parse({ ...config, kind: 'national', municipalityCode: undefined }).kind,
      'national',
    );
  });

  it('routes reports placed elsewhere by default; keeping them is a setting', () => {
    assert.deepEqual(tenantSettingsSchema.parse({}).routing, { keepReportsElsewhere: false });
    assert.deepEqual(tenantSettingsSchema.parse({ routing: { keepReportsElsewhere: true } }).routing, {
      keepReportsElsewhere: true,
    });
    assert.equal(tenantSettingsSchema.safeParse({ routing: { keep: true } }).success, false);
  });

  it('an area outline is a MultiPolygon of closed-ring positions in WGS84', () => {
    const ring = [
      [4.6, 51.8],
      [4.7, 51.8],
      [4.7, 51.9],
      [4.6, 51.8],
    ];
    assert.equal(areaOutlineSchema.safeParse({ code: 'GM0505', name: 'Dordrecht', outline: [[ring]] }).success, true);
    assert.equal(
      areaOutlineSchema.safeParse({ code: 'GM0505', name: 'Dordrecht', outline: [[ring.slice(1)]] }).success,
      false,
    );
    const open = [...ring.slice(0, 3), [4.65, 51.85], [4.6, 51.81]];
    assert.equal(areaOutlineSchema.safeParse({ code: 'GM0505', name: 'Dordrecht', outline: [[open]] }).success, false);
    assert.equal(
      areaOutlineSchema.safeParse({ code: 'GM0505', name: 'Dordrecht', outline: [[[[200, 51.8], ...ring.slice(1)]]] })
        .success,
      false,
    );
  });
});
