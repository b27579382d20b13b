import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Readiness, startingFetch } from '../../ops/readiness.ts';
import { databaseKind, readJson, useTestContext } from '../../../test/helpers.ts';

describe(`health and OpenAPI (${databaseKind})`, () => {
  const ctx = useTestContext();

  it('GET /api/v1/health (liveness) answers without the database; GET /api/v1/ready reports it', async () => {
    const live = await ctx.app.request('/api/v1/health');
    assert.equal(live.status, 200);
    const liveBody = await readJson(live);
    assert.equal(liveBody.status, 'ok');
    assert.equal(liveBody.database, undefined, 'liveness never asks the database');
    const ready = await ctx.app.request('/api/v1/ready');
    assert.equal(ready.status, 200);
    const body = await readJson(ready);
    assert.equal(body.status, 'ok');
    assert.equal(body.database.status, 'ok');
  });

  it('GET /api/v1/ready is 503 problem+json while the process is starting or stopping; health stays 200', async () => {
    const readiness = new Readiness();
    const app = ctx.appWith({ readiness });
    for (const phase of ['starting', 'stopping'] as const) {
      if (phase === 'stopping') readiness.stopping();
      const ready = await app.request('/api/v1/ready');
      assert.equal(ready.status, 503, phase);
      assert.match(ready.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal((await readJson(ready)).type, 'https://meldpunt.dev/problems/not-ready');
      assert.equal((await app.request('/api/v1/health')).status, 200, phase);
    }
  });

  it('before the app exists (connecting, migrating) the port answers: alive, not ready, 503 starting elsewhere', async () => {
    assert.equal(startingFetch(new Request('http://localhost/api/v1/health')).status, 200);
    const ready = startingFetch(new Request('http://localhost/api/v1/ready'));
    assert.equal(ready.status, 503);
    assert.equal(ready.headers.get('retry-after'), '5');
    const report = startingFetch(new Request('http://localhost/api/v1/tenants/x/reports', { method: 'POST' }));
    assert.equal(report.status, 503);
    assert.equal(((await report.json()) as { type: string }).type, 'https://meldpunt.dev/problems/starting');
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
