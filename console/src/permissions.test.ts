import { expect } from '@open-wc/testing';
import type { TenantRole } from '@meldpunt/contracts';
import { may } from './permissions.ts';
import { person } from './test-support/fake-api.ts';

const withRoles = (...roles: TenantRole[]) =>
  person({ memberships: [{ tenant: 'dordrecht', tenantName: 'Dordrecht', roles }] });

describe('permissions', () => {
  it('nobody may do anything without being signed in, nor in a tenant they do not belong to', () => {
    expect(may(null, 'tenant.open', 'dordrecht')).to.equal(false);
    expect(may(withRoles('admin'), 'tenant.open', 'almere')).to.equal(false);
    expect(may(withRoles('admin'), 'members.manage', 'almere')).to.equal(false);
  });

  it('each role opens its own sections', () => {
    expect(may(withRoles('editor'), 'configuration.edit', 'dordrecht')).to.equal(true);
    expect(may(withRoles('editor'), 'configuration.publish', 'dordrecht')).to.equal(false);
    expect(may(withRoles('publisher'), 'configuration.publish', 'dordrecht')).to.equal(true);
    expect(may(withRoles('officer'), 'reports.view', 'dordrecht')).to.equal(true);
    expect(may(withRoles('analyst'), 'reports.view', 'dordrecht')).to.equal(false);
    expect(may(withRoles('analyst'), 'figures.view', 'dordrecht')).to.equal(true);
    expect(may(withRoles('officer'), 'feedback.comments', 'dordrecht')).to.equal(true);
    expect(may(withRoles('analyst'), 'feedback.comments', 'dordrecht')).to.equal(false);
    expect(may(withRoles('admin'), 'members.manage', 'dordrecht')).to.equal(true);
    expect(may(withRoles('editor'), 'members.manage', 'dordrecht')).to.equal(false);
  });

  it('the platform operator administers every tenant but reads no report unless also an officer there', () => {
    const operator = person({ platformAdmin: true, memberships: [] });
    expect(may(operator, 'tenants.listAll')).to.equal(true);
    expect(may(operator, 'members.manage', 'almere')).to.equal(true);
    expect(may(operator, 'reports.view', 'almere')).to.equal(false);
    expect(may(operator, 'audit.read', 'almere')).to.equal(false, 'a tenant’s log is its own admins’ alone');
    expect(may(withRoles('admin'), 'audit.read', 'dordrecht')).to.equal(true);
    const operatorOfficer = person({
      platformAdmin: true,
      memberships: [{ tenant: 'almere', tenantName: 'Almere', roles: ['officer'] }],
    });
    expect(may(operatorOfficer, 'reports.view', 'almere')).to.equal(true);
    expect(may(withRoles('admin'), 'tenants.listAll')).to.equal(false);
  });
});
