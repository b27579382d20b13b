import { expect } from '@open-wc/testing';
import { loadConfigTexts, translator } from '../../i18n.ts';
import { tenantConfig } from '../../test-support/fake-api.ts';
import { diffConfigs, pathLabel, valueText } from './diff.ts';
import { changedPointers } from './draft-store.ts';

describe('diff', () => {
  it('finds nothing between equal configs (key order aside)', () => {
    const a = tenantConfig();
    const b = JSON.parse(JSON.stringify({ ...tenantConfig(), name: a.name })) as typeof a;
    expect(diffConfigs(a, b)).to.deep.equal([]);
  });

  it('names each changed, added and removed text by its language', () => {
    const a = tenantConfig();
    const b = tenantConfig();
    b.followUp.response.title.en = 'Thanks for reporting';
    b.followUp.response.body = { nl: b.followUp.response.body.nl! };
    b.texts = { ...b.texts, en: { 'intro.title': 'Report it' } };
    const entries = diffConfigs(a, b).map(({ pointer, kind, before, after }) => ({ pointer, kind, before, after }));
    expect(entries.map((e) => e.pointer)).to.deep.equal([
      '/texts/en/intro.title',
      '/followUp/response/title/en',
      '/followUp/response/body/en',
    ]);
    expect(entries[0]).to.include({ kind: 'added', after: 'Report it' });
    expect(entries[1]).to.include({
      kind: 'changed',
      before: 'Thank you for your report',
      after: 'Thanks for reporting',
    });
    expect(entries[2]).to.include({ kind: 'removed', before: 'We read every report.' });
  });

  it('matches items by id: a reorder is one change of order, an added item shows each of its values', () => {
    const a = tenantConfig({ categories: [{ id: 'verbal' }, { id: 'touching' }, { id: 'other' }] });
    const b = tenantConfig({
      categories: [
        { id: 'touching' },
        { id: 'verbal' },
        { id: 'other' },
        { id: 'cat-calling', label: { nl: 'Nafluiten' } },
      ],
    });
    const entries = diffConfigs(a, b);
    expect(entries.map(({ pointer, kind }) => `${kind} ${pointer}`)).to.deep.equal([
      'added /categories/3/id',
      'added /categories/3/label/nl',
      'order /categories',
    ]);
    expect(entries[2]).to.include({ kind: 'order' });
    expect(entries[2]!.before).to.deep.equal(['verbal', 'touching', 'other']);
    expect(entries[2]!.after).to.deep.equal(['touching', 'verbal', 'other']);
  });

  it('a list of plain values (the languages) is one value', () => {
    const entries = diffConfigs(tenantConfig(), tenantConfig({ locales: ['nl', 'en', 'ar'] }));
    expect(entries).to.have.length(1);
    expect(entries[0]).to.include({ pointer: '/locales', kind: 'changed' });
    expect(valueText(entries[0]!.after)).to.equal('nl, en, ar');
  });

  it('shows texts as they are, never as markup', () => {
    expect(valueText('<img src=x onerror=alert(1)>')).to.equal('<img src=x onerror=alert(1)>');
    expect(valueText(undefined)).to.equal(undefined);
    expect(valueText(13)).to.equal('13');
  });

  it('says readably where a value is, in the console’s language', async () => {
    await loadConfigTexts();
    const nl = translator('nl');
    const en = translator('en');
    expect(pathLabel('/followUp/response/title/en', nl, 'nl')).to.equal(
      'Opvolging › Reactie na versturen › Titel (Engels)',
    );
    expect(pathLabel('/followUp/response/title/en', en, 'en')).to.equal(
      'Follow-up › Response after sending › Title (English)',
    );
    expect(pathLabel('/texts/nl/intro.title', nl, 'nl')).to.equal('Teksten › Titel van het formulier (Nederlands)');
    expect(pathLabel('/referrals/1/name/nl', nl, 'nl')).to.equal('Hulporganisatie nr. 2 › Naam (Nederlands)');
    expect(pathLabel('/texts/en/some.key', en, 'en')).to.equal('Texts › some.key (English)');
    expect(pathLabel(['branding', 'primaryColor'], en, 'en')).to.equal('Branding › Primary colour');
  });

  it('lists the leaves another person changed (for the conflict notice)', () => {
    const a = tenantConfig();
    const b = tenantConfig({ referrals: [{ id: 'fier', name: { nl: 'Fier' } }] });
    b.branding.primaryColor = '#112233';
    expect(changedPointers(a, b)).to.deep.equal(['/branding/primaryColor', '/referrals/0']);
  });
});
