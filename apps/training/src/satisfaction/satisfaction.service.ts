import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { satisfactionRecordedV1, uuidv7 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanEnrol } from '../courses/course-access';
import { courseDimensionsOf } from '../courses/course-view';
import { CoursesService } from '../courses/courses.service';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import type { RecordSatisfactionRequestDto } from './dto/record-satisfaction.request.dto';
import { SatisfactionResponseEntity } from './satisfaction-response.entity';

export interface SatisfactionSummary {
  readonly courseId: string;
  readonly responses: number;
  readonly satisfied: number;
  readonly satisfactionRatePercent: string | null;
  readonly wouldRecommend: number;
}

@Injectable()
export class SatisfactionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly enrolments: EnrolmentsService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Records a participant's answer once, entered by the trainer or case worker who collected it. */
  async record(input: {
    principal: Principal;
    courseId: string;
    enrolmentId: string;
    request: RecordSatisfactionRequestDto;
  }): Promise<SatisfactionResponseEntity> {
    const { request } = input;
    return this.dataSource.transaction(async (em) => {
      const course = await this.courses.lockForUpdate(em, input.courseId);
      assertCanEnrol(input.principal, course);
      const enrolment = await this.enrolments.markSurveyed(em, course.id, input.enrolmentId);
      const response = em.create(SatisfactionResponseEntity, {
        id: uuidv7(),
        courseId: course.id,
        beneficiaryId: request.anonymous ? null : enrolment.beneficiaryId,
        overall: request.overall,
        usefulness: request.usefulness,
        wouldRecommend: request.wouldRecommend,
        comment: request.comment ?? null,
        recordedAt: new Date(),
      });
      await em.insert(SatisfactionResponseEntity, response);
      await this.outbox.append(
        em,
        satisfactionRecordedV1,
        {
          ...courseDimensionsOf(course),
          responseId: response.id,
          ...(response.beneficiaryId !== null ? { beneficiaryId: response.beneficiaryId } : {}),
          overall: response.overall,
          usefulness: response.usefulness,
          wouldRecommend: response.wouldRecommend,
        },
        { subject: course.id },
      );
      return response;
    });
  }

  /** Counts only: analysts may read it. */
  async summary(input: { principal: Principal; courseId: string }): Promise<SatisfactionSummary> {
    const course = await this.courses.get(input);
    const [row]: Array<{
      responses: number;
      satisfied: number;
      recommend: number;
      rate: string | null;
    }> = await this.dataSource.query(
      `SELECT count(*)::int AS responses,
                count(*) FILTER (WHERE overall >= 4)::int AS satisfied,
                count(*) FILTER (WHERE would_recommend)::int AS recommend,
                round(100.0 * count(*) FILTER (WHERE overall >= 4) / NULLIF(count(*), 0), 2)::text AS rate
           FROM satisfaction_response WHERE course_id = $1`,
      [course.id],
    );
    return {
      courseId: course.id,
      responses: row.responses,
      satisfied: row.satisfied,
      satisfactionRatePercent: row.rate,
      wouldRecommend: row.recommend,
    };
  }

  /** Merge: the duplicate's named answers become the survivor's. */
  async repointBeneficiary(
    em: EntityManager,
    input: { duplicateId: string; survivorId: string },
  ): Promise<void> {
    await em.update(
      SatisfactionResponseEntity,
      { beneficiaryId: input.duplicateId },
      { beneficiaryId: input.survivorId },
    );
  }

  /** Erasure: the person's answers stay as anonymous counts; a comment might name them. */
  async forgetBeneficiary(em: EntityManager, beneficiaryId: string): Promise<void> {
    await em.update(
      SatisfactionResponseEntity,
      { beneficiaryId },
      { beneficiaryId: null, comment: null },
    );
  }
}
