import { Injectable } from '@nestjs/common';
import { assertSameInstitution, type Principal } from '@mrm/auth';
import { surveyScoredV1, uuidv7 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { RosterService } from '@mrm/roster';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import type { RecordSurveyRequestDto } from './dto/record-survey.request.dto';
import { scoreResponse } from './rss-scoring';
import { SurveyResponseEntity } from './survey-response.entity';
import { SurveyScoreEntity } from './survey-score.entity';
import { SurveyWeightsService } from './survey-weights.service';
import type { SurveyWeights } from './survey-weights-file';
import { SurveyError } from './survey.errors';

/** A response with its scores, one per weights version. */
export interface SurveyView {
  readonly response: SurveyResponseEntity;
  readonly scores: SurveyScoreEntity[];
}

/** RSS responses, scored under the current weights version; older scores are kept. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly roster: RosterService,
    private readonly weights: SurveyWeightsService,
    private readonly clock: Clock,
  ) {}

  async record(input: {
    principal: Principal;
    request: RecordSurveyRequestDto;
  }): Promise<SurveyView> {
    const { principal, request } = input;
    const weights = this.weights.current();
    assertKnownAnswers(weights, request.answers);
    await this.roster.get(principal, request.beneficiaryId);
    return this.dataSource.transaction(async (em) => {
      const person = await this.roster.resolveActive(em, request.beneficiaryId);
      const response = em.create(SurveyResponseEntity, {
        id: uuidv7(),
        beneficiaryId: person.beneficiaryId,
        ownerOrg: principal.org,
        wave: request.wave,
        answeredOn: request.answeredOn,
        answers: request.answers,
        recordedBy: principal.sub,
        createdAt: this.clock.now(),
      });
      const inserted: unknown[] = await em.query(
        `INSERT INTO survey_response
           (id, beneficiary_id, owner_org, wave, answered_on, answers, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (beneficiary_id, wave) DO NOTHING RETURNING id`,
        [
          response.id,
          response.beneficiaryId,
          response.ownerOrg,
          response.wave,
          response.answeredOn,
          JSON.stringify(response.answers),
          response.recordedBy,
          response.createdAt,
        ],
      );
      if (inserted.length === 0) throw new SurveyError('SURVEY_WAVE_ALREADY_RECORDED');
      const score = await this.score(em, response, weights);
      return { response, scores: [score] };
    });
  }

  async get(input: { principal: Principal; responseId: string }): Promise<SurveyView> {
    const em = this.dataSource.manager;
    const response = await em.findOneBy(SurveyResponseEntity, { id: input.responseId });
    if (!response) throw new SurveyError('SURVEY_NOT_FOUND');
    assertSameInstitution(input.principal, response.ownerOrg);
    const scores = await em.find(SurveyScoreEntity, {
      where: { responseId: response.id },
      order: { computedAt: 'ASC', weightsVersion: 'ASC' },
    });
    return { response, scores };
  }

  /** Scores every response not yet scored with the current version; older scores stay. */
  async rescore(): Promise<{ weightsVersion: string; rescored: number }> {
    const weights = this.weights.current();
    return this.dataSource.transaction(async (em) => {
      const pending = await em
        .getRepository(SurveyResponseEntity)
        .createQueryBuilder('r')
        .where(
          'NOT EXISTS (SELECT 1 FROM survey_score s WHERE s.response_id = r.id AND s.weights_version = :version)',
          { version: weights.version },
        )
        .orderBy('r.created_at')
        .getMany();
      for (const response of pending) await this.score(em, response, weights);
      return { weightsVersion: weights.version, rescored: pending.length };
    });
  }

  private async score(
    em: EntityManager,
    response: SurveyResponseEntity,
    weights: SurveyWeights,
  ): Promise<SurveyScoreEntity> {
    const scores = scoreResponse(weights, response.answers);
    const score = em.create(SurveyScoreEntity, {
      responseId: response.id,
      weightsVersion: weights.version,
      ...scores,
      computedAt: this.clock.now(),
    });
    await em.insert(SurveyScoreEntity, score);
    const published = Object.fromEntries(
      (['economic', 'social', 'psychosocial', 'composite'] as const)
        .filter((key) => scores[key] !== null)
        .map((key) => [key, scores[key] as string]),
    );
    await this.outbox.append(
      em,
      surveyScoredV1,
      {
        responseId: response.id,
        beneficiaryId: response.beneficiaryId,
        ownerOrg: response.ownerOrg,
        wave: response.wave,
        weightsVersion: weights.version,
        ...published,
        answeredItems: scores.answeredItems,
        scoredAt: score.computedAt.toISOString(),
      },
      { subject: response.beneficiaryId },
    );
    return score;
  }
}

function assertKnownAnswers(weights: SurveyWeights, answers: Record<string, string>): void {
  const scales = new Map(
    weights.dimensions.flatMap((dimension) =>
      dimension.items.map((item) => [item.code, weights.scales[item.scale]] as const),
    ),
  );
  const violations = Object.entries(answers)
    .filter(([item, answer]) => typeof answer !== 'string' || !scales.get(item)?.[answer])
    .map(([item]) => ({ field: `answers.${item}`, message: `unknown item or answer for ${item}` }));
  if (violations.length > 0) throw new SurveyError('SURVEY_ANSWER_UNKNOWN', { violations });
}
