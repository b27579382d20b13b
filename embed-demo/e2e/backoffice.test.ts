/**
 * The back office end to end (issue 14), as its users meet it: the real service (demo mode, with the demo
 * reports seeded), the built console and the demo site in Chromium. A citizen sends a report with an
 * e-mail address from Dordrecht's demo page; minutes later Dordrecht's demo officer finds it in the inbox
 * by a word of its description, reads it, sets it to "in progress", adds an internal note, shows the
 * contact details with a reason (which the audit log then holds, without the address), and exports the
 * filtered list: the CSV has the listed columns and no contact details or notes. The demo analyst sees
 * the figures and gets 404 for that single report; Almere's officer sees nothing of Dordrecht. axe finds
 * nothing on any back-office page it passes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertAccessible,
  clickButton,
  consoleApi,
  consoleText,
  deep,
  reportByKeyboard,
  signInWithDemoButton,
  useConsoleSuite,
  waitFor,
  type Service,
} from './support.ts';

/** A word no demo report holds, so the search finds exactly the report this run sent. */
const word = `proef${Date.now().toString(36)}`;
const description = `Ze riepen me na bij het station en liepen me achterna, ${word}.`;
const email = `melder.${word}@example.nl`;
const note = `Besproken met de wijkagent, ${word}.`;

/** A demo person's session cookie, from the demo sign-in (as the console's button does it). */
async function sessionOf(service: Service, demoEmail: string): Promise<string> {
  const res = await consoleApi(service, '/api/v1/auth/demo', { method: 'POST', body: { email: demoEmail } });
  assert.equal(res.status, 200);
  return res.headers.getSetCookie()[0]?.split(';')[0] ?? '';
}

describe('the back office: an officer handles a report, an analyst reads figures (Chromium, the real service)', () => {
  const suite = useConsoleSuite();
  it('done when: the officer finds the report sent minutes earlier, reads it, sets it in progress, adds a note, shows the contact with a reason (audited) and exports the filtered list without contact details', async () => {
    const origin = suite.service.origin;
    const citizen = await suite.person();
    await citizen.page.goto(`${origin}/demo/dordrecht.html`, { waitUntil: 'load' });
    const sent = { reference: '', id: '' };
    sent.reference = await reportByKeyboard(citizen.page, { located: 'words', description, contactEmail: email });
    assert.match(sent.reference, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const { page } = await suite.person();
    // axe is injected into the console's pages, whose CSP (rightly) refuses any inline script.
    await page.setBypassCSP(true);
    await signInWithDemoButton(page, origin, 'Demo officer Dordrecht');
    await page.goto(`${origin}/console/tenants/dordrecht/reports`);
    await deep(page, 'table a.reference');
    await assertAccessible(page, 'the inbox');

    // The search: the filter becomes the address, and the table holds the one report.
    await (await deep(page, 'input#q')).type(word);
    await page.keyboard.press('Enter');
    await page.waitForFunction((w) => new URLSearchParams(location.search).get('q') === w, {}, word);
    await waitFor(async () => (await consoleText(page)).includes(sent.reference), 'the report in the filtered inbox');
    const references = await page.$$eval('pierce/table a.reference', (links) =>
      links.map((a) => a.textContent?.trim()),
    );
    assert.deepEqual(references, [sent.reference], 'the search finds exactly this report');
    const csvHref = await (await deep(page, 'a[download]')).evaluate((a) => (a as HTMLAnchorElement).href);

    // Reading it: what the reporter gave, never the address until asked.
    await (await deep(page, 'table a.reference')).click();
    await page.waitForFunction(() => /\/console\/tenants\/dordrecht\/reports\/[0-9a-f-]{36}$/.test(location.pathname));
    sent.id = page.url().split('/').at(-1) ?? '';
    await waitFor(async () => (await consoleText(page)).includes(description), 'the description on the report page');
    assert.ok(!(await consoleText(page)).includes(email), 'the contact details stay hidden until asked');
    await assertAccessible(page, 'the report page');

    // In progress.
    await (await deep(page, 'select#next-status')).select('in-progress');
    await clickButton(page, 'Save status');
    await waitFor(async () => (await consoleText(page)).includes('Status saved.'), 'the status saved');
    await waitFor(async () => (await consoleText(page)).includes('In progress'), 'the status shown as in progress');

    // An internal note.
    await (await deep(page, 'textarea#note')).type(note);
    await clickButton(page, 'Add note');
    await waitFor(async () => (await consoleText(page)).includes('Note added.'), 'the note added');
    await waitFor(async () => (await consoleText(page)).includes(note), 'the note listed');

    // The contact details, with a reason.
    await clickButton(page, 'Show contact details');
    await (await deep(page, 'input[name="reveal-reason"][value="reporter-asked-follow-up"]')).click();
    await (await deep(page, '#confirm-reveal')).click();
    await waitFor(async () => (await consoleText(page)).includes(email), 'the address shown after the reason');
    await assertAccessible(page, 'the report page with the contact details shown');

    // The service holds all of it; the audit log names the reveal and its reason, never the address.
    const officer = await sessionOf(suite.service, 'dordrecht-officer@demo.meldpunt.example');
    const detail = await consoleApi(suite.service, `/api/v1/backoffice/tenants/dordrecht/reports/${sent.id}`, {
      cookie: officer,
    });
    assert.equal(detail.status, 200);
    const stored = (await detail.json()) as { status: string; notes: { body: string }[] };
    assert.equal(stored.status, 'in-progress');
    assert.deepEqual(
      stored.notes.map((n) => n.body),
      [note],
    );
    const admin = await sessionOf(suite.service, 'dordrecht-admin@demo.meldpunt.example');
    const audit = await consoleApi(suite.service, '/api/v1/console/tenants/dordrecht/audit?limit=200', {
      cookie: admin,
    });
    const log = await audit.text();
    const entries = (JSON.parse(log) as { entries: AuditEntry[] }).entries;
    const about = (action: string) => entries.filter((e) => e.action === action && e.target?.id === sent.id);
    assert.deepEqual(
      about('contact.revealed').map((e) => e.details),
      [{ reason: 'reporter-asked-follow-up' }],
    );
    assert.equal(about('report.updated')[0]?.details['status'], 'in-progress');
    assert.equal(about('report.note-added').length, 1);
    assert.ok(about('report.viewed').length >= 1, 'reading the report is on record');
    for (const secret of [email, note, description]) assert.ok(!log.includes(secret), 'the audit log holds no content');

    // The export of the filtered list, as the link downloads it (with the officer's session).
    const csv = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'same-origin' });
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        bytes: [...new Uint8Array(await res.arrayBuffer())],
      };
    }, csvHref);
    assert.equal(csv.status, 200);
    assert.match(csv.type ?? '', /^text\/csv/);
    assert.deepEqual(csv.bytes.slice(0, 3), [0xef, 0xbb, 0xbf], 'UTF-8 with BOM, for Excel');
    const text = new TextDecoder().decode(new Uint8Array(csv.bytes.slice(3)));
    const [header, ...rows] = text.trim().split('\r\n');
    const columns = header?.split(';') ?? [];
    for (const column of [
      'reference',
      'received',
      'occurred',
      'time_precision',
      'categories',
      'role',
      'place',
      'grid_cell',
      'description',
      'status',
      'assignee',
      'receiving_tenant',
      'via',
    ]) {
      assert.ok(columns.includes(column), `the CSV has the column ${column}`);
    }
    assert.equal(rows.length, 1, 'the filtered list: this report only');
    assert.ok(rows[0]?.startsWith(`${sent.reference};`));
    assert.ok(rows[0]?.includes(word), 'with its description');
    assert.ok(!text.includes(email) && !text.includes(note), 'never contact details or internal notes');
    assert.ok(
      (await exportsOf(suite.service, admin)).some((e) => e.details['of'] === 'reports' && e.details['rows'] === 1),
      'the export is on record',
    );
  });

  it('the analyst sees the figures but gets 404 for any single report; Almere’s officer sees nothing of Dordrecht', async () => {
    const origin = suite.service.origin;
    // A report of Dordrecht that exists (a demo report), as its officer sees it.
    const officer = await sessionOf(suite.service, 'dordrecht-officer@demo.meldpunt.example');
    const listed = await consoleApi(suite.service, '/api/v1/backoffice/tenants/dordrecht/reports?limit=1', {
      cookie: officer,
    });
    const [report] = ((await listed.json()) as { reports: { id: string; excerpt: string | null }[] }).reports;
    assert.ok(report?.excerpt, 'Dordrecht has (demo) reports with a description');
    const { page } = await suite.person();
    await page.setBypassCSP(true);
    await signInWithDemoButton(page, origin, 'Demo analyst Dordrecht');
    await page.goto(`${origin}/console/tenants/dordrecht/figures`);
    // The demo reports of the last complete month: a total, the hot-times grid and the hotspots' table.
    await deep(page, 'table[data-table="hotspots"]');
    await waitFor(async () => /Number of reports/.test(await consoleText(page)), 'the figures page with its total');
    await assertAccessible(page, 'the figures page');
    await page.goto(`${origin}/console/tenants/dordrecht/figures/council-report`);
    await deep(page, 'table[data-table="hotspots"]');
    await assertAccessible(page, 'the council report');

    // A single report: 404 in the API and "not found" in the console.
    const single = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/backoffice/tenants/dordrecht/reports/${id}`, { credentials: 'same-origin' });
      return res.status;
    }, report.id);
    assert.equal(single, 404);
    const inbox = await page.evaluate(async () => {
      const res = await fetch('/api/v1/backoffice/tenants/dordrecht/reports', { credentials: 'same-origin' });
      return res.status;
    });
    assert.equal(inbox, 404);
    await page.goto(`${origin}/console/tenants/dordrecht/reports/${report.id}`);
    await waitFor(async () => /not found/i.test(await consoleText(page)), 'the report page saying not found');
    assert.ok(!(await consoleText(page)).includes(report.excerpt));

    // Almere's officer: Dordrecht's reports, report and figures all answer 404.
    const almere = await sessionOf(suite.service, 'almere-officer@demo.meldpunt.example');
    for (const path of [
      `/api/v1/backoffice/tenants/dordrecht/reports/${report.id}`,
      '/api/v1/backoffice/tenants/dordrecht/reports',
      '/api/v1/backoffice/tenants/dordrecht/reports.csv',
      '/api/v1/backoffice/tenants/dordrecht/figures',
    ]) {
      const res = await consoleApi(suite.service, path, { cookie: almere });
      assert.equal(res.status, 404, path);
    }
  });
});

interface AuditEntry {
  action: string;
  target: { kind: string; id: string } | null;
  details: Record<string, unknown>;
}

/** The `export.created` entries of Dordrecht's audit log. */
async function exportsOf(service: Service, cookie: string): Promise<AuditEntry[]> {
  const res = await consoleApi(service, '/api/v1/console/tenants/dordrecht/audit?limit=200', { cookie });
  return ((await res.json()) as { entries: AuditEntry[] }).entries.filter((e) => e.action === 'export.created');
}
