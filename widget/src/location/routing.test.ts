import { expect } from '@open-wc/testing';
import i18next from 'i18next';
import type { AreaOutline } from '@meldpunt/contracts';
import { loadLocationTexts } from '@meldpunt/texts';
import { checkRoute, insideOutline, routeNotice, type RouteCheck } from './routing.ts';

/** A closed square ring, `[lng, lat]`. */
const square = (west: number, south: number, east: number, north: number) => [
  [west, south] as [number, number],
  [east, south] as [number, number],
  [east, north] as [number, number],
  [west, north] as [number, number],
  [west, south] as [number, number],
];

/** A municipality with a lake (hole) and an island: two polygons, the first with a hole. */
const outline: AreaOutline['outline'] = [
  [square(4, 51, 5, 52), square(4.4, 51.4, 4.6, 51.6)],
  [square(6, 53, 6.2, 53.1)],
];

describe('route preview', () => {
  it('insideOutline: even-odd over every ring, so holes are out and islands are in', () => {
    expect(insideOutline(outline, 51.2, 4.2)).to.equal(true);
    expect(insideOutline(outline, 51.5, 4.5), 'in the hole').to.equal(false);
    expect(insideOutline(outline, 53.05, 6.1), 'on the island').to.equal(true);
    expect(insideOutline(outline, 52.5, 4.5)).to.equal(false);
    expect(insideOutline(outline, 51.5, 3.9)).to.equal(false);
  });

  it('checkRoute asks nothing for a point inside a municipal tenant’s own outline, or without one', async () => {
    const original = window.fetch;
    let asked = 0;
    window.fetch = async () => {
      asked++;
      return new Response('{}');
    };
    try {
      const question = { base: 'https://api.test', tenant: 't', national: false, occurredAt: undefined };
      const signal = new AbortController().signal;
      const area = { code: 'GM0001', name: 'Test', outline };
      expect(await checkRoute({ ...question, area, lat: 51.2, lng: 4.2, signal })).to.equal(undefined);
      expect(await checkRoute({ ...question, area: undefined, lat: 51.5, lng: 4.5, signal })).to.equal(undefined);
      expect(asked).to.equal(0);
    } finally {
      window.fetch = original;
    }
  });

  it('routeNotice: plain sentences for each answer', async () => {
    const instance = i18next.createInstance();
    await instance.init({
      lng: 'en',
      resources: { en: { translation: structuredClone(await loadLocationTexts.en()) } },
      interpolation: { escapeValue: false },
    });
    const t = (key: string, options?: Record<string, unknown>) => instance.t(key, options ?? {});
    const routed = (participating: boolean, followUp: 'active' | 'none'): RouteCheck => ({
      lat: 51.8,
      lng: 4.6,
      outcome: 'routed',
      preview: {
        routedTo: {
          slug: participating ? 'zwijndrecht' : 'nederland',
          name: participating ? 'Gemeente Zwijndrecht' : 'Meldpunt Nederland',
          municipality: { code: 'GM0642', name: 'Zwijndrecht' },
          participating,
        },
        followUp,
      },
    });
    expect(routeNotice(t, routed(true, 'active'), false)).to.equal(
      'This place is in the municipality of Zwijndrecht. Your report goes to Gemeente Zwijndrecht.',
    );
    expect(routeNotice(t, routed(true, 'none'), false)).to.equal(
      'This place is in the municipality of Zwijndrecht. Your report goes to Gemeente Zwijndrecht. ' +
        'Gemeente Zwijndrecht does not contact people about reports.',
    );
    const notParticipating = routeNotice(t, routed(false, 'none'), true);
    expect(notParticipating).to.contain('That municipality is not connected to this reporting point.');
    expect(notParticipating).to.contain('please contact the municipality of Zwijndrecht directly');
    expect(notParticipating).to.contain('we have deleted the contact details you entered');
    expect(notParticipating).not.to.contain('Meldpunt Nederland');
    expect(routeNotice(t, { lat: 50.8, lng: 4.3, outcome: 'outside' }, false)).to.equal('');
  });
});
