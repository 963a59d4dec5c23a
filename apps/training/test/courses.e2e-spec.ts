import { bearer, type TestService } from '@mrm/testing';
import {
  aCourse,
  analyst,
  caseWorker,
  coordinator,
  courseIn,
  otherTrainer,
  outboxOf,
  startTraining,
  trainer,
} from './support/training-api';

describe('courses and sessions (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTraining();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  const courses = () => sut.http.get('/api/v1/courses');

  it('creates a draft course with the default completion rule, its ETag and Location', async () => {
    const response = await sut.http
      .post('/api/v1/courses')
      .set('authorization', trainer)
      .send(aCourse())
      .expect(201);

    expect(response.body).toMatchObject({
      status: 'draft',
      minAttendancePercent: 80,
      assessmentRequired: false,
      version: 1,
    });
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/v1/courses/${response.body.id}`);
  });

  it('moves draft → open → running under If-Match, announcing the course once', async () => {
    const { id } = await courseIn(sut, 'draft');
    const open = (version: number) =>
      sut.http
        .post(`/api/v1/courses/${id}/open`)
        .set('authorization', trainer)
        .set('if-match', `"${version}"`);

    await sut.http.post(`/api/v1/courses/${id}/open`).set('authorization', trainer).expect(428);
    await open(7).expect(412);
    const opened = await open(1).expect(200);
    await open(2).expect(409);

    expect(opened.body).toMatchObject({ status: 'open', version: 2 });
    const scheduled = (await outboxOf(sut, 'course.scheduled.v1')).filter(
      (row) => row.payload.courseId === id,
    );
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0].payload).toEqual({
      courseId: id,
      courseKind: 'personal-development',
      programmeCode: 'FORAS',
      organisingOrg: 'IOM',
      regionCode: '05',
      startsOn: '2026-03-02',
      endsOn: '2026-04-30',
      capacity: 5,
    });
  });

  it('cancels with a reason, after which the course can no longer change', async () => {
    const course = await courseIn(sut, 'open');

    const cancelled = await sut.http
      .post(`/api/v1/courses/${course.id}/cancel`)
      .set('authorization', trainer)
      .set('if-match', `"${course.version}"`)
      .send({ reason: 'Trainer unavailable' })
      .expect(200);

    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Trainer unavailable',
    });
    await sut.http
      .patch(`/api/v1/courses/${course.id}`)
      .set('authorization', trainer)
      .set('if-match', `"${cancelled.body.version}"`)
      .send({ title: 'Too late' })
      .expect(409);
    const events = await outboxOf(sut, 'course.cancelled.v1');
    expect(events.filter((row) => row.payload.courseId === course.id)).toHaveLength(1);
  });

  it('edits under If-Match and refuses a stale version with 412 problem+json', async () => {
    const course = await courseIn(sut, 'draft');
    const edit = (version: number, body: object) =>
      sut.http
        .patch(`/api/v1/courses/${course.id}`)
        .set('authorization', trainer)
        .set('if-match', `"${version}"`)
        .send(body);

    const edited = await edit(1, { title: 'Entrepreneuriat', minAttendancePercent: 70 }).expect(
      200,
    );
    const stale = await edit(1, { title: 'Lost update' }).expect(412);

    expect(edited.body).toMatchObject({
      title: 'Entrepreneuriat',
      minAttendancePercent: 70,
      version: 2,
    });
    expect(edited.headers.etag).toBe('"2"');
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it.each([
    ['an unknown kind', { kind: 'yoga' }, 'kind'],
    ['a zero capacity', { capacity: 0 }, 'capacity'],
    ['a capacity beyond 1000', { capacity: 1001 }, 'capacity'],
    ['an impossible date', { startsOn: '2026-02-30' }, 'startsOn'],
    ['an unknown region', { regionCode: '13' }, 'regionCode'],
    ['an unknown category', { targetCategories: ['tourist'] }, 'targetCategories'],
    ['no trainer', { trainerIds: [] }, 'trainerIds'],
    ['a share above 100 %', { minAttendancePercent: 101 }, 'minAttendancePercent'],
    ['an unknown field', { colour: 'blue' }, 'colour'],
  ])('answers 400 problem+json for %s, creating nothing', async (_what, overrides, field) => {
    const before = (await courses().set('authorization', coordinator).query({ limit: 100 })).body
      .items.length;

    const response = await sut.http
      .post('/api/v1/courses')
      .set('authorization', coordinator)
      .send(aCourse(overrides))
      .expect(400);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    const after = (await courses().set('authorization', coordinator).query({ limit: 100 })).body
      .items.length;
    expect(after).toBe(before);
  });

  it('answers 400 when the course ends before it starts', async () => {
    const response = await sut.http
      .post('/api/v1/courses')
      .set('authorization', coordinator)
      .send(aCourse({ startsOn: '2026-05-01', endsOn: '2026-04-01' }))
      .expect(400);

    expect(response.body.code).toBe('COURSE_PERIOD_INVALID');
  });

  it('keeps courses to their institution: another institution’s trainer is denied', async () => {
    const course = await courseIn(sut, 'draft');

    const hidden = await sut.http
      .get(`/api/v1/courses/${course.id}`)
      .set('authorization', otherTrainer)
      .expect(404);
    await sut.http
      .post(`/api/v1/courses/${course.id}/open`)
      .set('authorization', otherTrainer)
      .set('if-match', '"1"')
      .expect(404);
    const foreignOrg = await sut.http
      .post('/api/v1/courses')
      .set('authorization', otherTrainer)
      .send(aCourse())
      .expect(403);
    const listed = await courses().set('authorization', otherTrainer).query({ limit: 100 });

    expect(hidden.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(foreignOrg.body.code).toBe('COURSE_ORG_MISMATCH');
    expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(course.id);
    await sut.http.get(`/api/v1/courses/${course.id}`).set('authorization', caseWorker).expect(200);
    await sut.http.get(`/api/v1/courses/${course.id}`).set('authorization', analyst).expect(200);
  });

  it('lets a trainer who is also an auditor organise courses for their own institution only', async () => {
    const auditingTrainer = bearer('COOPI', ['trainer', 'auditor'], 'trainer-coopi-auditor');

    const foreign = await sut.http
      .post('/api/v1/courses')
      .set('authorization', auditingTrainer)
      .send(aCourse())
      .expect(403);
    await sut.http
      .post('/api/v1/courses')
      .set('authorization', auditingTrainer)
      .send(aCourse({ organisingOrg: 'COOPI', trainerIds: ['trainer-coopi-auditor'] }))
      .expect(201);

    expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(foreign.body.code).toBe('COURSE_ORG_MISMATCH');
  });

  it('lets a case worker of the institution see the course but not run it', async () => {
    const course = await courseIn(sut, 'draft');

    const response = await sut.http
      .post(`/api/v1/courses/${course.id}/open`)
      .set('authorization', caseWorker)
      .set('if-match', '"1"')
      .expect(403);

    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  describe('sessions', () => {
    const addSession = (courseId: string, body: object, token = trainer) =>
      sut.http.post(`/api/v1/courses/${courseId}/sessions`).set('authorization', token).send(body);

    it('stores Casablanca wall-clock times as instants, Ramadan included', async () => {
      const course = await courseIn(sut, 'open');

      const ramadan = await addSession(course.id, {
        date: '2026-03-02',
        startTime: '09:00',
        endTime: '11:30',
      }).expect(201);
      const after = await addSession(course.id, {
        date: '2026-04-06',
        startTime: '09:00',
        endTime: '12:00',
        onlineLink: 'https://meet.example.org/abc',
      }).expect(201);

      expect(ramadan.body).toMatchObject({
        startsAt: '2026-03-02T09:00:00.000Z',
        date: '2026-03-02',
        startTime: '09:00',
        endTime: '11:30',
        hours: '2.50',
        timeZone: 'Africa/Casablanca',
      });
      expect(after.body).toMatchObject({ startsAt: '2026-04-06T08:00:00.000Z', hours: '3.00' });
      const list = await sut.http
        .get(`/api/v1/courses/${course.id}/sessions`)
        .set('authorization', caseWorker)
        .expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([
        ramadan.body.id,
        after.body.id,
      ]);
    });

    it('reschedules and cancels a session under If-Match', async () => {
      const course = await courseIn(sut, 'open');
      const session = await addSession(course.id, {
        date: '2026-03-10',
        startTime: '14:00',
        endTime: '16:00',
      }).expect(201);
      const path = `/api/v1/sessions/${session.body.id}`;

      const moved = await sut.http
        .post(`${path}/reschedule`)
        .set('authorization', trainer)
        .set('if-match', '"1"')
        .send({ date: '2026-04-14', startTime: '10:00', endTime: '12:00' })
        .expect(200);
      await sut.http
        .post(`${path}/cancel`)
        .set('authorization', trainer)
        .set('if-match', '"1"')
        .send({ reason: 'Venue closed' })
        .expect(412);
      const cancelled = await sut.http
        .post(`${path}/cancel`)
        .set('authorization', trainer)
        .set('if-match', '"2"')
        .send({ reason: 'Venue closed' })
        .expect(200);

      expect(moved.body).toMatchObject({
        date: '2026-04-14',
        startsAt: '2026-04-14T09:00:00.000Z',
      });
      expect(cancelled.body).toMatchObject({
        status: 'cancelled',
        cancellationReason: 'Venue closed',
      });
      const read = await sut.http.get(path).set('authorization', trainer).expect(200);
      expect(read.headers.etag).toBe('"3"');
    });

    it.each([
      [
        'a day outside the course',
        { date: '2026-06-01', startTime: '09:00', endTime: '10:00' },
        'date',
      ],
      [
        'an end before the start',
        { date: '2026-03-03', startTime: '11:00', endTime: '10:00' },
        'endTime',
      ],
      [
        'a time of 25:00',
        { date: '2026-03-03', startTime: '25:00', endTime: '26:00' },
        'startTime',
      ],
      [
        'a plain-http link',
        { date: '2026-03-03', startTime: '09:00', endTime: '10:00', onlineLink: 'http://x.org' },
        'onlineLink',
      ],
    ])('answers 400 for %s, adding nothing', async (_what, body, field) => {
      const course = await courseIn(sut, 'open');

      const response = await addSession(course.id, body).expect(400);

      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      const list = await sut.http
        .get(`/api/v1/courses/${course.id}/sessions`)
        .set('authorization', trainer);
      expect(list.body.items).toHaveLength(0);
    });

    it('refuses sessions on a course run by someone else', async () => {
      const course = await courseIn(sut, 'open');

      await addSession(
        course.id,
        { date: '2026-03-03', startTime: '09:00', endTime: '10:00' },
        otherTrainer,
      ).expect(404);
      await addSession(
        course.id,
        { date: '2026-03-03', startTime: '09:00', endTime: '10:00' },
        caseWorker,
      ).expect(403);
    });
  });
});
