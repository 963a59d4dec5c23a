import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@mrm/contracts';
import { decodeCursor, DEFAULT_PAGE_LIMIT, toPage, type Page } from '@mrm/http';
import { DataSource } from 'typeorm';
import type { CreateProgrammeRequestDto } from './dto/create-programme.request.dto';
import { ProgrammeEntity } from './programme.entity';
import { ProgrammeError } from './programme.errors';
import { isUniqueViolation } from './unique-violation';

export interface ProgrammeListInput {
  readonly donor?: string;
  readonly activeOn?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

@Injectable()
export class ProgrammesService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: { request: CreateProgrammeRequestDto }): Promise<ProgrammeEntity> {
    const { request } = input;
    if (request.endsOn !== undefined && request.endsOn < request.startsOn) {
      throw new ProgrammeError('PROGRAMME_PERIOD_INVALID', {
        violations: [{ field: 'endsOn', message: 'endsOn must not be before startsOn' }],
      });
    }
    const repository = this.dataSource.getRepository(ProgrammeEntity);
    const now = new Date();
    const programme = repository.create({
      id: uuidv7(),
      code: request.code,
      name: request.name,
      donor: request.donor,
      implementingOrg: request.implementingOrg,
      startsOn: request.startsOn,
      endsOn: request.endsOn ?? null,
      targetCategories: request.targetCategories,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await repository.insert(programme);
    } catch (error) {
      if (!isUniqueViolation(error, 'programme_code_key')) throw error;
      throw new ProgrammeError('PROGRAMME_CODE_TAKEN', {
        detail: `The code ${request.code} is already used by another programme`,
        violations: [{ field: 'code', message: 'code is already taken' }],
      });
    }
    return programme;
  }

  async get(input: { programmeId: string }): Promise<ProgrammeEntity> {
    const found = await this.dataSource
      .getRepository(ProgrammeEntity)
      .findOneBy({ id: input.programmeId });
    if (!found) throw new ProgrammeError('PROGRAMME_NOT_FOUND');
    return found;
  }

  /** Newest first; `activeOn` keeps the programmes whose period contains that day. */
  async list(input: ProgrammeListInput): Promise<Page<ProgrammeEntity>> {
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    const query = this.dataSource
      .getRepository(ProgrammeEntity)
      .createQueryBuilder('p')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit + 1);
    if (input.donor !== undefined) {
      query.andWhere('lower(p.donor) = lower(:donor)', { donor: input.donor });
    }
    if (input.activeOn !== undefined) {
      query.andWhere('p.starts_on <= :day AND (p.ends_on IS NULL OR p.ends_on >= :day)', {
        day: input.activeOn,
      });
    }
    if (after) query.andWhere('(p.created_at, p.id) < (:createdAt, :id)', after);
    return toPage({
      rows: await query.getMany(),
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row) => row,
    });
  }
}
