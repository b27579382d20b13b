import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseKind, readJson, useTestContext } from '../../../test/helpers.ts';

describe(`health and OpenAPI (${databaseKind})`, () => {
  const ctx = useTestContext();

  it('GET /api/v1/health reports the database', async () => {
    const res = await ctx.app.request('/api/v1/health');
    assert.equal(res.status, 200);
    const body = await readJson(res);
    assert.equal(body.status, 'ok');
    assert.equal(body.database.status, 'ok');
  });

  it('GET /api/v1/openapi.json is OpenAPI 3.1 with the contracts’ schemas', async () => {
    const res = await ctx.app.request('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    const doc = await readJson(res);
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/tenants/{slug}/reports'].post);
    assert.ok(doc.paths['/api/v1/tenants/{slug}/config'].get);
    for (const [path, method] of [
      ['reports', 'post'],
      ['config', 'get'],
      ['route', 'get'],
    ] as const) {
      assert.ok(doc.paths[`/api/v1/tenants/{slug}/${path}`][method].responses['503'], `${path}: 503 documented`);
    }
    const input = doc.components.schemas.ReportInput;
    assert.equal(input.additionalProperties, false, 'unknown keys are rejected');
    assert.deepEqual(input.properties.role.enum.sort(), ['bystander', 'other', 'victim']);
    assert.deepEqual(input.required.sort(), ['categories', 'locale', 'location', 'occurredAt', 'role']);
    assert.ok(doc.components.schemas.Problem.properties.errors);
  });

  it('an unknown path → 404 problem+json', async () => {
    const res = await ctx.app.request('/api/v1/nothing');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  });
});
