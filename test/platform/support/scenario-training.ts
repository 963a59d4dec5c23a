import { waitFor, type TestService } from '@mrm/testing';
import { coordinator, trainer } from './scenario-actors';

/**
 * Two courses. Language (region 05): 0..5 enrolled, 0..3 attend both sessions, 4 and 5 never
 * come; surveys from 0 (5/5) and 1 (2/5). Entrepreneurship (region 06): 0 and 6..12 enrolled,
 * 0 and 6..10 attend both sessions, 11 and 12 never come; surveys from 0 (4), 6 (5), 7 (3), 8 (4).
 */
export const COURSES = [
  {
    kind: 'language',
    title: 'Darija pour la vie quotidienne',
    regionCode: '05',
    startsOn: '2026-03-02',
    endsOn: '2026-04-30',
    sessions: ['2026-04-06', '2026-04-07'],
    enrolled: [0, 1, 2, 3, 4, 5],
    present: [0, 1, 2, 3],
    surveys: [
      [0, 5],
      [1, 2],
    ],
  },
  {
    kind: 'entrepreneurship-marketing',
    title: 'Créer et vendre son produit',
    regionCode: '06',
    startsOn: '2026-05-04',
    endsOn: '2026-06-30',
    sessions: ['2026-05-11', '2026-05-12'],
    enrolled: [0, 6, 7, 8, 9, 10, 11, 12],
    present: [0, 6, 7, 8, 9, 10],
    surveys: [
      [0, 4],
      [6, 5],
      [7, 3],
      [8, 4],
    ],
  },
] as const;

/** Runs both courses from creation to satisfaction surveys. */
export async function runTraining(training: TestService, ids: string[]): Promise<void> {
  for (const course of COURSES) await runCourse(training, course, ids);
}

async function runCourse(
  training: TestService,
  course: (typeof COURSES)[number],
  ids: string[],
): Promise<void> {
  const { id } = (
    await training.http
      .post('/api/v1/courses')
      .set('authorization', coordinator)
      .send({
        title: course.title,
        kind: course.kind,
        programmeCode: 'FORAS',
        organisingOrg: 'IOM',
        trainerIds: ['trainer-1'],
        languages: ['ar', 'fr'],
        regionCode: course.regionCode,
        venue: 'Maison des jeunes',
        capacity: 10,
        minAttendancePercent: 75,
        targetCategories: ['returning-moroccan', 'foreign-avrr'],
        startsOn: course.startsOn,
        endsOn: course.endsOn,
      })
      .expect(201)
  ).body as { id: string };
  const step = async (name: string, token = trainer) => {
    const current = await training.http.get(`/api/v1/courses/${id}`).set('authorization', token);
    await training.http
      .post(`/api/v1/courses/${id}/${name}`)
      .set('authorization', token)
      .set('if-match', current.headers.etag)
      .expect(200);
  };
  await step('open', coordinator);
  const enrolments = new Map<number, string>();
  for (const person of course.enrolled) {
    // The roster fills from registration's events: retry until this person has arrived.
    await waitFor(
      async () => {
        const response = await training.http
          .post(`/api/v1/courses/${id}/enrolments`)
          .set('authorization', coordinator)
          .send({ beneficiaryId: ids[person] });
        if (response.status === 201) enrolments.set(person, (response.body as { id: string }).id);
        return response.status === 201;
      },
      { what: `person ${person} on the training roster` },
    );
  }
  await step('start');
  for (const date of course.sessions) {
    const session = (
      await training.http
        .post(`/api/v1/courses/${id}/sessions`)
        .set('authorization', trainer)
        .send({ date, startTime: '09:00', endTime: '11:30' })
        .expect(201)
    ).body as { id: string };
    await training.http
      .put(`/api/v1/sessions/${session.id}/attendance`)
      .set('authorization', trainer)
      .send({
        entries: course.enrolled.map((person) => ({
          beneficiaryId: ids[person],
          status: (course.present as readonly number[]).includes(person) ? 'present' : 'absent',
        })),
      })
      .expect(200);
  }
  await step('complete');
  for (const [person, overall] of course.surveys) {
    await training.http
      .post(`/api/v1/courses/${id}/enrolments/${enrolments.get(person)}/satisfaction`)
      .set('authorization', trainer)
      .send({ overall, usefulness: 4, wouldRecommend: overall > 3 })
      .expect(201);
  }
}
