import { syntheticRegistration, type TestService } from '@mrm/testing';
import { caseWorker, coordinator } from './scenario-actors';

// 40 people: even numbers women, odd numbers men; 0..2 Senegalese (foreign-avrr), the others
// Moroccans (returning); region by number modulo 4; birth year by number modulo 5.
export const BIRTH_YEARS = [2010, 2004, 1996, 1985, 1970];
export const REGIONS = ['05', '06', '07', '08'];
export const PEOPLE = Array.from({ length: 40 }, (_, i) =>
  syntheticRegistration(i + 1, {
    sex: i % 2 === 0 ? 'female' : 'male',
    nationality: i < 3 ? 'SN' : 'MA',
    category: i < 3 ? 'foreign-avrr' : 'returning-moroccan',
    regionCode: REGIONS[i % 4],
    birthDate: `${BIRTH_YEARS[i % 5]}-06-15`,
    programmeCode: 'FORAS',
  }),
);

/** Files 36..39 are closed (reintegrated); nobody else is. */
export const CLOSED = [36, 37, 38, 39];

/** Registers the programme and the 40 people, and closes 36..39; returns ids by number. */
export async function registerPeople(registration: TestService): Promise<string[]> {
  await registration.http
    .post('/api/v1/programmes')
    .set('authorization', coordinator)
    .send({
      code: 'FORAS',
      name: 'FORAS — réintégration durable',
      donor: 'EU',
      implementingOrg: 'IOM',
      startsOn: '2026-01-01',
      targetCategories: ['returning-moroccan', 'foreign-avrr'],
    })
    .expect(201);
  const ids: string[] = [];
  for (const person of PEOPLE) {
    const created = await registration.http
      .post('/api/v1/beneficiaries')
      .set('authorization', caseWorker)
      .send(person)
      .expect(201);
    ids.push((created.body as { id: string }).id);
  }
  for (const person of CLOSED) {
    await registration.http
      .post(`/api/v1/beneficiaries/${ids[person]}/close`)
      .set('authorization', caseWorker)
      .send({ reason: 'reintegrated' })
      .expect(200);
  }
  return ids;
}
