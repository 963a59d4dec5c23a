import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { beneficiaryEnrolledV1, uuidv7 } from '@mrm/contracts';
import { decodeCursor, DEFAULT_PAGE_LIMIT, toPage, type Page } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  BeneficiariesService,
  type AccessibleBeneficiary,
} from '../beneficiaries/beneficiaries.service';
import { BeneficiaryError } from '../beneficiaries/beneficiary.errors';
import type { EnrolBeneficiaryRequestDto } from './dto/enrol-beneficiary.request.dto';
import type { EnrolmentRecord } from './dto/enrolment.response.dto';
import type { ExitEnrolmentRequestDto } from './dto/exit-enrolment.request.dto';
import { EnrolmentEntity } from './enrolment.entity';
import { ProgrammeEntity } from './programme.entity';
import { ProgrammeError } from './programme.errors';
import { isUniqueViolation } from './unique-violation';

@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly beneficiaries: BeneficiariesService,
  ) {}

  /** Enrols the beneficiary and appends `beneficiary.enrolled.v1` in one transaction. */
  async enrol(input: {
    principal: Principal;
    beneficiaryId: string;
    request: EnrolBeneficiaryRequestDto;
  }): Promise<EnrolmentRecord> {
    const { principal, beneficiaryId, request } = input;
    return this.dataSource.transaction(async (em) => {
      const beneficiary = await this.beneficiaries.findAccessible({ principal, beneficiaryId, em });
      assertOpenFile(beneficiary);
      const programme = await em.findOneBy(ProgrammeEntity, { id: request.programmeId });
      if (!programme) throw new ProgrammeError('PROGRAMME_NOT_FOUND');
      assertWithinPeriod(programme, request.enteredOn);
      // The target-category rule is not enforced: `findAccessible` does not return the category,
      // and this feature must not read the beneficiary table itself.
      const enrolment = em.create(EnrolmentEntity, {
        id: uuidv7(),
        beneficiaryId: beneficiary.id,
        programmeId: programme.id,
        enteredOn: request.enteredOn,
        exitedOn: null,
        exitReason: null,
        createdAt: new Date(),
      });
      await insertOpenEnrolment(em, enrolment);
      await this.appendEnrolled(em, { enrolment, programmeCode: programme.code });
      return { enrolment, programmeCode: programme.code };
    });
  }

  /** Ends an open enrolment; the same event type carries the exit date. */
  async exit(input: {
    principal: Principal;
    beneficiaryId: string;
    enrolmentId: string;
    request: ExitEnrolmentRequestDto;
  }): Promise<EnrolmentRecord> {
    const { principal, beneficiaryId, enrolmentId, request } = input;
    return this.dataSource.transaction(async (em) => {
      // Allowed on a closed file: closing a case is when its enrolments get ended.
      await this.beneficiaries.findAccessible({ principal, beneficiaryId, em });
      const enrolment = await em.findOne(EnrolmentEntity, {
        where: { id: enrolmentId, beneficiaryId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!enrolment) throw new ProgrammeError('ENROLMENT_NOT_FOUND');
      if (enrolment.exitedOn !== null) throw new ProgrammeError('ENROLMENT_ALREADY_EXITED');
      if (request.exitedOn < enrolment.enteredOn) {
        throw new ProgrammeError('ENROLMENT_EXIT_BEFORE_ENTRY', {
          violations: [
            { field: 'exitedOn', message: `exitedOn must be on or after ${enrolment.enteredOn}` },
          ],
        });
      }
      enrolment.exitedOn = request.exitedOn;
      enrolment.exitReason = request.reason;
      await em.update(
        EnrolmentEntity,
        { id: enrolment.id },
        { exitedOn: enrolment.exitedOn, exitReason: enrolment.exitReason },
      );
      const programme = await em.findOneByOrFail(ProgrammeEntity, { id: enrolment.programmeId });
      await this.appendEnrolled(em, { enrolment, programmeCode: programme.code });
      return { enrolment, programmeCode: programme.code };
    });
  }

  /** The beneficiary's enrolments, newest first. */
  async list(input: {
    principal: Principal;
    beneficiaryId: string;
    limit?: number;
    cursor?: string;
  }): Promise<Page<EnrolmentRecord>> {
    const { principal, beneficiaryId } = input;
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    await this.beneficiaries.findAccessible({ principal, beneficiaryId });
    const query = this.dataSource
      .getRepository(EnrolmentEntity)
      .createQueryBuilder('e')
      .where('e.beneficiary_id = :beneficiaryId', { beneficiaryId })
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit + 1);
    if (after) query.andWhere('(e.created_at, e.id) < (:createdAt, :id)', after);
    const rows = await query.getMany();
    const codes = await this.programmeCodes(rows.map((row) => row.programmeId));
    return toPage({
      rows,
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      // The foreign key guarantees that every enrolment's programme exists.
      map: (row) => ({ enrolment: row, programmeCode: codes.get(row.programmeId)! }),
    });
  }

  /**
   * Moves a merged record's enrolments to the survivor, inside the merge transaction of
   * duplicates/. An open enrolment in a programme where the survivor is also enrolled is ended as
   * `transferred` first (one open enrolment per programme), and only that change is announced:
   * consumers re-point the other enrolments on `beneficiary.merged.v1`. Returns how many moved.
   */
  async repointEnrolments(input: {
    em: EntityManager;
    fromBeneficiaryId: string;
    toBeneficiaryId: string;
  }): Promise<number> {
    const { em, fromBeneficiaryId, toBeneficiaryId } = input;
    const [ended]: [Array<{ id: string }>, number] = await em.query(
      `UPDATE enrolment e
          SET exited_on = GREATEST(e.entered_on, CURRENT_DATE), exit_reason = 'transferred'
        WHERE e.beneficiary_id = $1 AND e.exited_on IS NULL
          AND EXISTS (SELECT 1 FROM enrolment s WHERE s.beneficiary_id = $2
                        AND s.programme_id = e.programme_id AND s.exited_on IS NULL)
        RETURNING e.id`,
      [fromBeneficiaryId, toBeneficiaryId],
    );
    const [, moved]: [unknown, number] = await em.query(
      'UPDATE enrolment SET beneficiary_id = $2 WHERE beneficiary_id = $1',
      [fromBeneficiaryId, toBeneficiaryId],
    );
    if (ended.length > 0) {
      const rows = await em.findBy(EnrolmentEntity, { id: In(ended.map((row) => row.id)) });
      const programmes = await em.findBy(ProgrammeEntity, {
        id: In([...new Set(rows.map((row) => row.programmeId))]),
      });
      const codes = new Map(programmes.map((programme) => [programme.id, programme.code]));
      for (const enrolment of rows) {
        await this.appendEnrolled(em, {
          enrolment,
          programmeCode: codes.get(enrolment.programmeId)!,
        });
      }
    }
    return moved;
  }

  private async programmeCodes(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const programmes = await this.dataSource
      .getRepository(ProgrammeEntity)
      .findBy({ id: In([...new Set(ids)]) });
    return new Map(programmes.map((programme) => [programme.id, programme.code]));
  }

  private async appendEnrolled(em: EntityManager, record: EnrolmentRecord): Promise<void> {
    const { enrolment, programmeCode } = record;
    await this.outbox.append(
      em,
      beneficiaryEnrolledV1,
      {
        enrolmentId: enrolment.id,
        beneficiaryId: enrolment.beneficiaryId,
        programmeId: enrolment.programmeId,
        programmeCode,
        enteredOn: enrolment.enteredOn,
        ...(enrolment.exitedOn !== null ? { exitedOn: enrolment.exitedOn } : {}),
      },
      { subject: enrolment.beneficiaryId },
    );
  }
}

// Same codes as the beneficiaries feature: a client sees one vocabulary for a frozen file.
function assertOpenFile(beneficiary: AccessibleBeneficiary): void {
  if (beneficiary.erased) throw new BeneficiaryError('BENEFICIARY_ERASED');
  if (beneficiary.mergedInto !== null) throw new BeneficiaryError('BENEFICIARY_MERGED');
  if (beneficiary.status === 'closed') throw new BeneficiaryError('BENEFICIARY_CLOSED');
}

// ISO dates (YYYY-MM-DD) compare correctly as strings.
function assertWithinPeriod(programme: ProgrammeEntity, enteredOn: string): void {
  if (
    enteredOn >= programme.startsOn &&
    (programme.endsOn === null || enteredOn <= programme.endsOn)
  ) {
    return;
  }
  const period = `${programme.startsOn} to ${programme.endsOn ?? 'open end'}`;
  throw new ProgrammeError('ENROLMENT_OUTSIDE_PROGRAMME_PERIOD', {
    violations: [{ field: 'enteredOn', message: `enteredOn must fall within ${period}` }],
  });
}

async function insertOpenEnrolment(em: EntityManager, enrolment: EnrolmentEntity): Promise<void> {
  try {
    await em.insert(EnrolmentEntity, enrolment);
  } catch (error) {
    if (!isUniqueViolation(error, 'enrolment_beneficiary_id_programme_id_key')) throw error;
    throw new ProgrammeError('ENROLMENT_ALREADY_OPEN');
  }
}
