import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseKind, minimalReport, postReport, useTestContext } from '../../test/helpers.ts';
import { scrape } from './metrics.ts';

/** Every `name{labels} value` line of a metrics text that has labels, as [name, labels]. */
function labelledSeries(text: string): { name: string; labels: Record<string, string> }[] {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#') && line.includes('{'))
    .map((line) => {
      const name = line.slice(0, line.indexOf('{'));
      const inner = line.slice(line.indexOf('{') + 1, line.lastIndexOf('}'));
      const labels = Object.fromEntries([...inner.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name, labels };
    });
}

function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe(`metrics (${databaseKind})`, () => {
  const ctx = useTestContext();

  it('count accepted reports by tenant and refusals by reason; no address, report id or report text in any label', async () => {
    const tenant = await ctx.createTenant();
    const before = (await scrape({ db: ctx.db })).body;
    const address = '198.51.100.77';
    const description = 'Geen-label-tekst: nageroepen bij de brug.';
    const accepted = await postReport(ctx, tenant.slug, minimalReport({ description }), {
      headers: { 'X-Forwarded-For': address },
    });
    assert.equal(accepted.status, 201);
    const { id } = (await accepted.json()) as { id: string };
    const refused = await postReport(ctx, tenant.slug, minimalReport({ role: 'nobody', description }), {
      headers: { 'X-Forwarded-For': address },
    });
    assert.equal(refused.status, 422);
    const unknown = await postReport(ctx, 't-no-such-tenant', minimalReport());
    assert.equal(unknown.status, 404);

    const { contentType, body } = await scrape({ db: ctx.db });
    assert.match(contentType, /^text\/plain/);
    const acceptedSeries = `meldpunt_reports_accepted_total{tenant="${tenant.slug}"}`;
    assert.equal(valueOf(body, acceptedSeries) - valueOf(before, acceptedSeries), 1);
    const validation = 'meldpunt_reports_refused_total{reason="validation"}';
    assert.equal(valueOf(body, validation) - valueOf(before, validation), 1);
    assert.ok(valueOf(body, 'meldpunt_reports_refused_total{reason="not-found"}') >= 1, body);
    assert.ok(!body.includes('t-no-such-tenant'), 'a slug that is no tenant is never a label value');
    for (const { name, labels } of labelledSeries(body)) {
      for (const value of Object.values(labels)) {
        assert.ok(!value.includes(address) && !value.includes('198.51.'), `${name}: no address`);
        assert.ok(!value.includes(id), `${name}: no report id`);
        assert.ok(!/nageroepen|brug/i.test(value), `${name}: no report text`);
      }
    }
    // The outbox's figures, read from the database at the scrape.
    assert.equal(valueOf(body, 'meldpunt_metrics_database_up'), 1);
    assert.ok(valueOf(body, 'meldpunt_deliveries_pending') >= 0);
    assert.match(body, /^meldpunt_delivery_oldest_due_age_seconds \d/m);
    assert.match(body, /^meldpunt_deliveries_failed \d/m);
  });
});
