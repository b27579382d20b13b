import { expect } from '@open-wc/testing';
import { href, matchRoute, needsSession, routeTable } from './router.ts';

const at = (path: string) => matchRoute(new URL(path, 'https://meldpunt.example'));

describe('router', () => {
  it('matches every route of the table, with its parameters', () => {
    expect(at('/console/').name).to.equal('home');
    expect(at('/console').name).to.equal('home');
    expect(at('/console/sign-in?next=%2Fconsole%2Ftenants').query.get('next')).to.equal('/console/tenants');
    expect(at('/console/tenants').name).to.equal('tenants');
    expect(at('/console/tenants/dordrecht')).to.include({ name: 'tenant' });
    expect(at('/console/tenants/dordrecht').params).to.deep.equal({ slug: 'dordrecht' });
    expect(at('/console/tenants/dordrecht/configuration').name).to.equal('configuration');
    expect(at('/console/tenants/dordrecht/configuration/texts').params).to.deep.equal({
      slug: 'dordrecht',
      section: 'texts',
    });
    expect(at('/console/tenants/dordrecht/reports/').name).to.equal('reports');
  });

  it('is not-found for any other path', () => {
    for (const path of ['/console/nothing', '/console/tenants/a/b', '/elsewhere', '/console/tenants/%E0%A4%A']) {
      expect(at(path).name, path).to.equal('not-found');
    }
  });

  it('builds the URL of each route back, and knows which need a session', () => {
    for (const route of routeTable) {
      const url = href(route.name, { slug: 'den-haag', section: 'history', id: '0b7e' });
      expect(at(url).name, url).to.equal(route.name);
    }
    expect(href('tenant', { slug: 'den-haag' }, { tab: 'x' })).to.equal('/console/tenants/den-haag?tab=x');
    expect(needsSession('sign-in')).to.equal(false);
    expect(needsSession('reports')).to.equal(true);
  });
});
