import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { databaseKind, useTestContext } from '../../test/helpers.ts';
import { AreaCatalog } from './area-catalog.ts';
import { areaContentHash, areaSetsFingerprint, importAreaSet, loadAreaSets } from './area-repository.ts';
import { demoAreasFile, importDemoAreas, importShippedAreasIfNone } from './demo-areas.ts';
import { parseAreaCollection } from './geojson.ts';
import type { AreaFeature } from './types.ts';
import { box } from '../../test/geometry.ts';

// Far east of UTC, so a `date` read as a local-midnight Date would land on the previous day.
process.env.TZ = 'Pacific/Auckland';

const a: AreaFeature = { code: 'GM0001', name: 'Aadorp', geometry: [[box(5.0, 52.0, 5.1, 52.1)]] };
const b: AreaFeature = {
  code: 'GM0002',
  name: "'s-Beedorp",
  // An island part and a hole, with awkward decimals, to see the geometry come back exactly.
  geometry: [
    [box(5.1, 52.0, 5.2, 52.1), box(5.123456789012345, 52.01, 5.13, 52.0200001)],
    [box(5.3, 52.3, 5.31, 52.31)],
  ],
};
const c: AreaFeature = { code: 'GM0003', name: 'Ceestad', geometry: [[box(5.0, 52.0, 5.2, 52.1)]] };

describe(`area sets in the database (${databaseKind})`, () => {
  // Area sets are global, not per tenant: each test gets a database of its own.
  const ctx = useTestContext({ ownDatabase: true });

  async function clear(): Promise<void> {
    await ctx.db.deleteFrom('area_set').execute();
  }

  it('creates a set, leaves an identical re-import alone and replaces changed areas', async () => {
    await clear();
    const empty = await areaSetsFingerprint(ctx.db);
    const created = await importAreaSet(ctx.db, { validFrom: '2024-01-01', source: 'a.geojson', features: [b, a] });
    assert.deepEqual(created, { outcome: 'created', count: 2 });
    const afterCreate = await areaSetsFingerprint(ctx.db);
    assert.notEqual(afterCreate, empty);

    // Same areas in another order, from another file name: nothing changes.
    const again = await importAreaSet(ctx.db, { validFrom: '2024-01-01', source: 'b.geojson', features: [a, b] });
    assert.deepEqual(again, { outcome: 'unchanged', count: 2 });
    assert.equal(await areaSetsFingerprint(ctx.db), afterCreate);
    const row = await ctx.db.selectFrom('area_set').select('source').executeTakeFirstOrThrow();
    assert.equal(row.source, 'a.geojson');

    const renamed = { ...a, name: 'Aadorp-Nieuw' };
    const replaced = await importAreaSet(ctx.db, { validFrom: '2024-01-01', source: 'c.geojson', features: [renamed] });
    assert.deepEqual(replaced, { outcome: 'replaced', count: 1 });
    const afterReplace = await areaSetsFingerprint(ctx.db);
    assert.notEqual(afterReplace, afterCreate);
    // Replaced, not merged: GM0002 is gone.
    assert.deepEqual(await loadAreaSets(ctx.db), [{ validFrom: '2024-01-01', features: [renamed] }]);

    const later = await importAreaSet(ctx.db, { validFrom: '2025-01-01', source: 'd.geojson', features: [c] });
    assert.deepEqual(later, { outcome: 'created', count: 1 });
    assert.notEqual(await areaSetsFingerprint(ctx.db), afterReplace);
  });

  it('loads every set, oldest first, with its dates and geometry exactly as imported', async () => {
    await clear();
    await importAreaSet(ctx.db, { validFrom: '2025-01-01', source: 'merged', features: [c] });
    await importAreaSet(ctx.db, { validFrom: '2024-01-01', source: 'separate', features: [b, a] });
    const sets = await loadAreaSets(ctx.db);
    assert.deepEqual(sets, [
      { validFrom: '2024-01-01', features: [a, b] },
      { validFrom: '2025-01-01', features: [c] },
    ]);
    // And they route as the catalog promises.
    const catalog = new AreaCatalog(sets);
    assert.equal(catalog.forDate('2024-12-31T23:30:00Z')?.find(5.15, 52.05)?.code, 'GM0003');
    assert.equal(catalog.forDate('2024-12-31T22:30:00Z')?.find(5.15, 52.05)?.code, 'GM0002');
  });

  it('on start: a database without areas gets the shipped 2025 ones, one with areas is left alone', async () => {
    await clear();
    await importAreaSet(ctx.db, { validFrom: '2025-01-01', source: 'own.geojson', features: [a, b] });
    const own = await areaSetsFingerprint(ctx.db);
    assert.equal(await importShippedAreasIfNone(ctx.db), undefined);
    assert.equal(await areaSetsFingerprint(ctx.db), own, 'the operator’s areas of the same date stay');

    await clear();
    assert.deepEqual(await importShippedAreasIfNone(ctx.db), { outcome: 'created', count: 342 });
    assert.equal((await loadAreaSets(ctx.db))[0]?.validFrom, '2025-01-01');
  });

  it('imports the shipped 2025 municipalities once, then leaves them unchanged', async () => {
    await clear();
    assert.deepEqual(await importDemoAreas(ctx.db), { outcome: 'created', count: 342 });
    const fingerprint = await areaSetsFingerprint(ctx.db);
    assert.deepEqual(await importDemoAreas(ctx.db), { outcome: 'unchanged', count: 342 });
    assert.equal(await areaSetsFingerprint(ctx.db), fingerprint);

    const [set] = await loadAreaSets(ctx.db);
    const parsed = parseAreaCollection(JSON.parse(readFileSync(demoAreasFile, 'utf8')), {
      codeProperty: 'statcode',
      nameProperty: 'statnaam',
    });
    assert.equal(set?.validFrom, '2025-01-01');
    assert.equal(areaContentHash(set!.features), areaContentHash(parsed));
    assert.equal(new AreaCatalog([set!]).forDate('2025-06-01')?.find(5.4786, 51.4393)?.name, 'Eindhoven');
    const row = await ctx.db.selectFrom('area_set').select(['source', 'content_hash']).executeTakeFirstOrThrow();
    assert.deepEqual(row, { source: 'nl-gemeenten-2025.geojson', content_hash: areaContentHash(parsed) });
  });

  it('refuses a date that is not a real day, an empty set and repeated codes, writing nothing', async () => {
    await clear();
    for (const validFrom of ['2025-02-30', '1-1-2025', '2025-01-01T00:00:00Z']) {
      await assert.rejects(importAreaSet(ctx.db, { validFrom, source: 'x', features: [a] }), RangeError, validFrom);
    }
    await assert.rejects(importAreaSet(ctx.db, { validFrom: '2025-01-01', source: 'x', features: [] }), /at least one/);
    await assert.rejects(
      importAreaSet(ctx.db, { validFrom: '2025-01-01', source: 'x', features: [a, { ...c, code: a.code }] }),
      /GM0001 occurs more than once/,
    );
    assert.deepEqual(await loadAreaSets(ctx.db), []);
  });

  it('hashes content, not order', () => {
    assert.equal(areaContentHash([a, b]), areaContentHash([b, a]));
    assert.notEqual(areaContentHash([a, b]), areaContentHash([a, { ...b, name: 'Anders' }]));
    assert.match(areaContentHash([a]), /^[0-9a-f]{64}$/);
  });
});
