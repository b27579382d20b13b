import { expect } from '@open-wc/testing';
import { fakeConsoleApi, person, tenant, type FakeConsoleApi } from '../../test-support/fake-api.ts';
import { waitFor } from '../../test-support/wait.ts';
import { admin, openConsole, pageRoot } from '../admin/admin-test-support.ts';

describe('<meldpunt-tenant-page>: the admin sections by role', () => {
  const startUrl = location.pathname + location.search;
  let api: FakeConsoleApi;

  afterEach(() => {
    api.restore();
    history.replaceState(null, '', startUrl);
    localStorage.removeItem('meldpunt-console-language');
  });

  async function sections(me = admin(), roles = tenant().roles) {
    api = fakeConsoleApi({ me, tenants: [tenant({ roles })] });
    const el = await openConsole('/console/tenants/dordrecht');
    await waitFor(() => pageRoot(el, 'tenant')?.querySelector('nav a'), 'the sections');
    return {
      el,
      links: [...pageRoot(el, 'tenant')!.querySelectorAll<HTMLAnchorElement>('nav a')].map((a) =>
        a.getAttribute('href'),
      ),
    };
  }

  it('the tenant’s admin finds members, invitations and the audit log; accessible', async () => {
    const { el, links } = await sections(admin(), ['admin']);
    expect(links).to.include.members([
      '/console/tenants/dordrecht/members',
      '/console/tenants/dordrecht/invitations',
      '/console/tenants/dordrecht/audit',
    ]);
    await expect(el).to.be.accessible();
  });

  it('the platform operator finds members and invitations, not the tenant’s log; an editor none of them', async () => {
    const operator = await sections(person({ platformAdmin: true, memberships: [] }), []);
    expect(operator.links).to.include('/console/tenants/dordrecht/members');
    expect(operator.links).not.to.include('/console/tenants/dordrecht/audit');
    api.restore();
    const editor = await sections(person(), ['editor']);
    expect(editor.links.filter((l) => /members|invitations|audit/.test(l ?? ''))).to.deep.equal([]);
  });

  it('officers and analysts find the figures; an editor and the platform operator do not', async () => {
    const analyst = person({ memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles: ['analyst'] }] });
    const figures = await sections(analyst, ['analyst']);
    expect(figures.links).to.include('/console/tenants/dordrecht/figures');
    expect(pageRoot(figures.el, 'tenant')?.textContent).to.contain('zonder dat iemand herkenbaar is');
    await expect(figures.el).to.be.accessible();
    api.restore();
    const editor = await sections(person(), ['editor']);
    expect(editor.links).not.to.include('/console/tenants/dordrecht/figures');
    api.restore();
    const operator = await sections(person({ platformAdmin: true, memberships: [] }), []);
    expect(operator.links).not.to.include('/console/tenants/dordrecht/figures');
  });
});
