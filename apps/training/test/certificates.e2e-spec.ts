import type { TestService } from '@mrm/testing';
import { pdfTextLines, visual } from './support/pdf-text';
import {
  caseWorker,
  courseIn,
  enrol,
  otherTrainer,
  registered,
  sessionOn,
  sheet,
  startTraining,
  trainer,
  transition,
} from './support/training-api';

describe('completion certificates (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTraining();
  });

  afterAll(async () => {
    await sut?.stop();
  });

  async function completedCourse() {
    const course = await courseIn(sut, 'running', {
      capacity: 2,
      title: 'Initiation à l’agriculture',
    });
    const [done, absent] = await registered(sut, 2);
    const enrolments = [
      (await enrol(sut, course.id, done).expect(201)).body.id as string,
      (await enrol(sut, course.id, absent).expect(201)).body.id as string,
    ];
    const sessionId = await sessionOn(sut, course.id, '2026-04-06', ['09:00', '12:30']);
    await sheet(sut, sessionId, [
      { beneficiaryId: done, status: 'present' },
      { beneficiaryId: absent, status: 'absent' },
    ]).expect(200);
    await transition(sut, course.id, 'complete');
    return { courseId: course.id, done, enrolments };
  }

  const certificate = (courseId: string, enrolmentId: string, lang?: string, token = caseWorker) =>
    sut.http
      .get(`/api/v1/courses/${courseId}/enrolments/${enrolmentId}/certificate`)
      .query(lang ? { lang } : {})
      .set('authorization', token)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });

  it('issues a French and an Arabic certificate for a completed enrolment', async () => {
    const { courseId, done, enrolments } = await completedCourse();

    const fr = await certificate(courseId, enrolments[0]).expect(200);
    const ar = await certificate(courseId, enrolments[0], 'ar').expect(200);

    expect(fr.headers['content-type']).toBe('application/pdf');
    expect((fr.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfTextLines(fr.body as Buffer)).toEqual(
      expect.arrayContaining([
        'Attestation de formation',
        'Initiation à l’agriculture',
        '2026-03-02',
        '2026-04-30',
        'Heures suivies',
        '3.50',
        'Référence du bénéficiaire',
        done,
        'IOM',
      ]),
    );
    // Words right to left, letters in visual order; pdfkit moves the spaces around.
    const arabic = pdfTextLines(ar.body as Buffer).map((line) => line.replace(/ /g, ''));
    expect(arabic).toEqual(
      expect.arrayContaining([
        visual('شهادةتكوين'),
        visual('الساعاتالمتابعة'),
        visual('مرجعالمستفيد'),
        '3.50',
        done,
      ]),
    );
  });

  it('refuses a certificate to an enrolment that did not complete, and to strangers', async () => {
    const { courseId, enrolments } = await completedCourse();

    const refused = await certificate(courseId, enrolments[1]).expect(409);
    await certificate(courseId, enrolments[0], 'de').expect(400);
    await certificate(courseId, enrolments[0], 'fr', otherTrainer).expect(404);
    await certificate(courseId, enrolments[0], 'fr', trainer).expect(200);

    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
