import type { TestService } from '@mrm/testing';
import { aCooperative } from './support/project-fixtures';
import { officer, rosterPeople, sql, startReintegration } from './support/reintegration-test';

describe('Idempotency-Key on project creation (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startReintegration();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('creates one project for two posts with one key, and replays the first answer', async () => {
    const body = aCooperative(await rosterPeople(sut, 5));
    const post = () =>
      sut.http
        .post('/api/v1/projects')
        .set('Authorization', officer)
        .set('Idempotency-Key', 'coop-tifaouine-2027-01')
        .send(body);

    const first = await post().expect(201);
    const second = await post().expect(201);

    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    const events = await sql(sut, `SELECT 1 FROM outbox_message WHERE type = 'project.created.v1'`);
    expect(events).toHaveLength(1);
  });
});
