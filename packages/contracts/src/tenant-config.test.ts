import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { areaOutlineSchema, tenantConfigSchema, type TenantConfigInput } from './tenant-config.ts';
import { tenantImportSchema, type TenantImportInput } from './tenant-import.ts';

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

describe('tenant config and settings: their texts', () => {
  const doc: TenantImportInput = {
    config,
    settings: { delivery: { email: [{ address: 'oov@dordrecht.nl' }] } },
  };

  it('refuse control characters and unpaired surrogates anywhere, at the field’s path', () => {
    const cases: [PropertyKey[], TenantImportInput][] = [
      [['config', 'name'], { ...doc, config: { ...config, name: 'Gemeente\u0000Dordrecht' } }],
      [
        ['config', 'followUp', 'response', 'title', 'nl'],
        {
          ...doc,
          config: {
            ...config,
            followUp: { ...config.followUp, response: { title: { nl: 'Dank\u0008' }, body: { nl: 'Ja.' } } },
          },
        },
      ],
      [
        ['config', 'texts', 'nl', 'intro.body'],
        { ...doc, config: { ...config, texts: { nl: { 'intro.body': 'Welkom\uD800' } } } },
      ],
      [
        ['config', 'privacy', 'url'],
        {
          ...doc,
          config: { ...config, privacy: { ...config.privacy, url: 'https://www.dordrecht.nl/privacy\u0000' } },
        },
      ],
      [
        ['settings', 'delivery', 'mail', 'intro'],
        { ...doc, settings: { delivery: { ...doc.settings.delivery, mail: { intro: 'Beste collega\u001F' } } } },
      ],
      [
        ['settings', 'delivery', 'email', 0, 'pgpPublicKey'],
        { ...doc, settings: { delivery: { email: [{ address: 'oov@dordrecht.nl', pgpPublicKey: 'KEY\u0000' }] } } },
      ],
    ];
    for (const [path, input] of cases) {
      const result = tenantImportSchema.safeParse(input);
      assert.ok(
        result.error?.issues.some(
          (i) =>
            JSON.stringify(i.path) === JSON.stringify(path) && /control character|unpaired surrogate/.test(i.message),
        ),
        `${path.join('.')}: ${JSON.stringify(result.error?.issues)}`,
      );
    }
  });

  it('keep line breaks and are stored in NFC', () => {
    const parsed = tenantImportSchema.parse({
      ...doc,
      config: { ...config, name: 'Gemeente Cafe\u0301stad', texts: { nl: { 'intro.body': 'Welkom.\r\nMeld het.' } } },
    });
    assert.equal(parsed.config.name, 'Gemeente Caf\u00e9stad');
    assert.equal(parsed.config.texts.nl?.['intro.body'], 'Welkom.\r\nMeld het.');
  });
});
