import { expect } from '@open-wc/testing';
import { installFakePdok, pdokDocs as docs, type PdokAnswer } from '../test-support/fake-pdok.ts';
import { PdokError, isAbort, lookup, parsePoint, reverse, suggest } from './pdok.ts';

// Mocha's globals, provided by web-test-runner (the workspace has no @types/mocha).
declare const describe: (title: string, body: () => void) => void;
declare const it: (title: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

/** Replaces `window.fetch` for `/pdok/…` URLs until the test ends; never calls the real PDOK. */
function fakeFetch(answer: PdokAnswer) {
  const fake = installFakePdok(answer);
  restore = fake.restore;
  return fake.calls;
}
let restore = () => {};
afterEach(() => restore());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection');
}

describe('PDOK Locatieserver client', () => {
  it('suggest: asks for 7 addresses, streets or towns within the tenant filter', async () => {
    const calls = fakeFetch(() =>
      docs([
        { id: 'adr-1', weergavenaam: 'Stationsplein 1, 3311AB Dordrecht', type: 'adres', score: 9 },
        { id: 'weg-1', weergavenaam: 'Stationsweg, Dordrecht', type: 'weg' },
        { weergavenaam: 'no id: skipped' },
      ]),
    );
    const found = await suggest('/pdok/', 'Stationsplein 1', { filter: 'gemeentenaam:Dordrecht' });
    expect(found).to.deep.equal([
      { id: 'adr-1', weergavenaam: 'Stationsplein 1, 3311AB Dordrecht', type: 'adres' },
      { id: 'weg-1', weergavenaam: 'Stationsweg, Dordrecht', type: 'weg' },
    ]);
    expect(calls).to.have.length(1);
    const url = calls[0]!;
    expect(url.pathname).to.equal('/pdok/suggest');
    expect(url.searchParams.get('q')).to.equal('Stationsplein 1');
    expect(url.searchParams.get('rows')).to.equal('7');
    expect(url.searchParams.getAll('fq')).to.deep.equal([
      'gemeentenaam:Dordrecht',
      'type:(adres OR weg OR woonplaats)',
    ]);
  });

  it('suggest: without a filter only the type filter; query syntax is dropped from what was typed', async () => {
    const calls = fakeFetch(() => docs([]));
    expect(await suggest('/pdok', 'Markt: "hoek" (Voorstraat)')).to.deep.equal([]);
    expect(calls[0]!.searchParams.getAll('fq')).to.deep.equal(['type:(adres OR weg OR woonplaats)']);
    expect(calls[0]!.searchParams.get('q')).to.equal('Markt hoek Voorstraat');
  });

  it('lookup: parses the WKT point (longitude first)', async () => {
    const calls = fakeFetch(() =>
      docs([
        { id: 'adr-1', weergavenaam: 'Stationsplein 1, 3311AB Dordrecht', centroide_ll: 'POINT(4.66826 51.80786)' },
      ]),
    );
    expect(await lookup('/pdok', 'adr-1')).to.deep.equal({
      id: 'adr-1',
      weergavenaam: 'Stationsplein 1, 3311AB Dordrecht',
      lat: 51.80786,
      lng: 4.66826,
    });
    expect(calls[0]!.pathname).to.equal('/pdok/lookup');
    expect(calls[0]!.searchParams.get('id')).to.equal('adr-1');
    expect(calls[0]!.searchParams.get('fl')).to.equal('id,weergavenaam,centroide_ll');
  });

  it('lookup: an unknown id gives undefined, a doc without a point is an error', async () => {
    fakeFetch(() => docs([]));
    expect(await lookup('/pdok', 'gone')).to.equal(undefined);
    restore();
    fakeFetch(() => docs([{ id: 'x', weergavenaam: 'X' }]));
    expect(await rejection(lookup('/pdok', 'x'))).to.be.instanceOf(PdokError);
  });

  it('reverse: asks for the nearest address of a point', async () => {
    const calls = fakeFetch(() => docs([{ weergavenaam: 'Spuiboulevard 2, 3311GR Dordrecht' }]));
    expect(await reverse('/pdok', 51.8133, 4.6901)).to.equal('Spuiboulevard 2, 3311GR Dordrecht');
    const url = calls[0]!;
    expect(url.pathname).to.equal('/pdok/reverse');
    expect(url.searchParams.get('lat')).to.equal('51.813300');
    expect(url.searchParams.get('lon')).to.equal('4.690100');
    expect(url.searchParams.get('rows')).to.equal('1');
    expect(url.searchParams.get('type')).to.equal('adres');
  });

  it('every failure is a PdokError: server error, not JSON, unknown shape, network down', async () => {
    fakeFetch(() => new Response('Service Unavailable', { status: 503 }));
    const server = await rejection(suggest('/pdok', 'Voorstraat'));
    expect(server).to.be.instanceOf(PdokError);
    expect((server as PdokError).status).to.equal(503);
    restore();

    fakeFetch(() => new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(await rejection(reverse('/pdok', 51.8, 4.6))).to.be.instanceOf(PdokError);
    restore();

    fakeFetch(() => Response.json({ unexpected: true }));
    expect(await rejection(lookup('/pdok', 'x'))).to.be.instanceOf(PdokError);
    restore();

    fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await rejection(suggest('/pdok', 'Voorstraat'))).to.be.instanceOf(PdokError);
  });

  it('a cancelled request rejects with an AbortError, which callers can tell apart', async () => {
    fakeFetch(() => docs([]));
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(suggest('/pdok', 'Voorstraat', { signal: controller.signal }));
    expect(isAbort(error)).to.equal(true);
    expect(isAbort(new PdokError('x'))).to.equal(false);
  });

  it('parsePoint accepts PDOK points and nothing else', () => {
    expect(parsePoint('POINT(4.6901 51.8133)')).to.deep.equal({ lat: 51.8133, lng: 4.6901 });
    expect(parsePoint('POINT (4.6 51.8)')).to.deep.equal({ lat: 51.8, lng: 4.6 });
    expect(parsePoint('POLYGON((0 0,1 1))')).to.equal(undefined);
    expect(parsePoint('POINT(200 51)')).to.equal(undefined);
  });
});
