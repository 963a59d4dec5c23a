import { randomBytes } from 'node:crypto';
import { bearer, type TestService } from '@mrm/testing';
import { DataSource } from 'typeorm';

export const coordinator = bearer('MINISTRY', ['coordinator'], 'coord-1');

/** A unique institution code, so tests in one database do not collide. */
export function anOrgCode(prefix = 'NGO'): string {
  return `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

export function aPartnerBody(overrides: Record<string, unknown> = {}) {
  return {
    code: anOrgCode(),
    names: { fr: 'Association Amal', ar: 'جمعية أمل', en: 'Amal Association' },
    kind: 'ngo',
    email: 'contact@amal.example.org',
    ...overrides,
  };
}

export function aServiceBody(partnerId: string, overrides: Record<string, unknown> = {}) {
  return {
    partnerId,
    type: 'employment',
    name: 'Intermédiation à l’emploi',
    regionCodes: ['05', '06'],
    locations: [{ name: 'Agence Béni Mellal', regionCode: '05', city: 'Béni Mellal' }],
    eligibility: { categories: ['returning-moroccan'], minAge: 18, maxAge: 60 },
    languages: ['ar', 'fr'],
    capacity: { placesPerMonth: 40, currentLoad: 10 },
    ...overrides,
  };
}

/** Registers a partner and one service over HTTP; returns their ids and the partner's code. */
export async function aPartnerWithService(
  sut: TestService,
  serviceOverrides: Record<string, unknown> = {},
  partnerOverrides: Record<string, unknown> = {},
): Promise<{ partnerId: string; code: string; serviceId: string }> {
  const partner = await sut.http
    .post('/api/v1/partners')
    .set('Authorization', coordinator)
    .send(aPartnerBody(partnerOverrides))
    .expect(201);
  const service = await sut.http
    .post('/api/v1/services')
    .set('Authorization', coordinator)
    .send(aServiceBody(partner.body.id, serviceOverrides))
    .expect(201);
  return { partnerId: partner.body.id, code: partner.body.code, serviceId: service.body.id };
}

export function sql<T = Record<string, unknown>>(
  sut: TestService,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  return sut.app.get(DataSource).query(query, params);
}

/** Row counts of the given tables: a refused request changes none. */
export async function footprint(
  sut: TestService,
  tables: string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await sql<{ n: number }>(sut, `SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = row.n;
  }
  return counts;
}
