import { AuthErrorCode } from './auth.errors';
import {
  assertSameInstitution,
  canReadPersonalData,
  canSeeAllInstitutions,
  canSeeAllPersonalFiles,
} from './institution-scope.policy';
import type { Principal, Role } from './principal';

const principal = (...roles: Role[]): Principal => ({ sub: 'u1', org: 'IOM', roles });

describe('canSeeAllInstitutions', () => {
  it.each<Role>(['admin', 'coordinator', 'auditor'])('is true for %s', (role) => {
    expect(canSeeAllInstitutions(principal(role))).toBe(true);
  });

  it.each<Role>([
    'case-worker',
    'trainer',
    'project-officer',
    'referral-officer',
    'analyst',
    'partner',
  ])('is false for %s', (role) => {
    expect(canSeeAllInstitutions(principal(role))).toBe(false);
  });
});

describe('canReadPersonalData', () => {
  it.each<{ roles: Role[] }>([
    { roles: ['analyst'] },
    { roles: ['auditor'] },
    { roles: ['analyst', 'auditor'] },
  ])('is false for $roles', ({ roles }) => {
    expect(canReadPersonalData(principal(...roles))).toBe(false);
  });

  it.each<{ roles: Role[] }>([
    { roles: ['case-worker'] },
    { roles: ['analyst', 'case-worker'] },
    { roles: ['auditor', 'admin'] },
    { roles: ['partner'] },
  ])('is true for $roles', ({ roles }) => {
    expect(canReadPersonalData(principal(...roles))).toBe(true);
  });
});

describe('assertSameInstitution', () => {
  it('passes for a record of the principal institution', () => {
    expect(() => assertSameInstitution(principal('case-worker'), 'IOM')).not.toThrow();
  });

  it('passes for a cross-institution role', () => {
    expect(() => assertSameInstitution(principal('coordinator'), 'UNHCR')).not.toThrow();
  });

  // The auditor role widens no personal scope, beside another role either.
  it.each<{ roles: Role[] }>([{ roles: ['project-officer', 'auditor'] }, { roles: ['auditor'] }])(
    'throws AUTH_FORBIDDEN to $roles for a record of another institution',
    ({ roles }) => {
      expect(() => assertSameInstitution(principal(...roles), 'UNHCR')).toThrow(
        expect.objectContaining({ code: AuthErrorCode.AUTH_FORBIDDEN }),
      );
    },
  );

  it('throws AUTH_FORBIDDEN for a record of another institution', () => {
    expect(() => assertSameInstitution(principal('case-worker', 'analyst'), 'UNHCR')).toThrow(
      expect.objectContaining({ code: AuthErrorCode.AUTH_FORBIDDEN, status: 403 }),
    );
  });
});

describe('canSeeAllPersonalFiles', () => {
  it.each<{ roles: Role[] }>([{ roles: ['admin'] }, { roles: ['coordinator'] }])(
    'is true for $roles',
    ({ roles }) => {
      expect(canSeeAllPersonalFiles(principal(...roles))).toBe(true);
    },
  );

  // The auditor oversees every institution's audit trail, never its files.
  it.each<{ roles: Role[] }>([
    { roles: ['auditor'] },
    { roles: ['auditor', 'case-worker'] },
    { roles: ['auditor', 'referral-officer'] },
    { roles: ['case-worker'] },
  ])('is false for $roles', ({ roles }) => {
    expect(canSeeAllPersonalFiles(principal(...roles))).toBe(false);
  });
});
