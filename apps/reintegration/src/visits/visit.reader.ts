import { Injectable } from '@nestjs/common';
import { assertSameInstitution, canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { decodeCursor, DEFAULT_PAGE_LIMIT, toPage, type Page } from '@mrm/http';
import { DataSource } from 'typeorm';
import { VisitEntity } from './visit.entity';
import { VisitError } from './visit.errors';

/** Reads visits within the caller's institution (all of them for national roles). */
@Injectable()
export class VisitReader {
  constructor(private readonly dataSource: DataSource) {}

  async get(input: { principal: Principal; visitId: string }): Promise<VisitEntity> {
    const visit = await this.dataSource.manager.findOneBy(VisitEntity, { id: input.visitId });
    if (!visit) throw new VisitError('VISIT_NOT_FOUND');
    assertSameInstitution(input.principal, visit.ownerOrg);
    return visit;
  }

  /** Newest first; `overdue` lists the visits the timers found past due and not recorded. */
  async list(input: {
    principal: Principal;
    overdue?: boolean;
    projectId?: string;
    limit?: number;
    cursor?: string;
  }): Promise<Page<VisitEntity>> {
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    const query = this.dataSource
      .getRepository(VisitEntity)
      .createQueryBuilder('v')
      .orderBy('v.created_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(limit + 1);
    if (!canSeeAllPersonalFiles(input.principal)) {
      query.andWhere('v.owner_org = :org', { org: input.principal.org });
    }
    if (input.overdue === true) {
      query.andWhere('v.overdue_at IS NOT NULL AND v.recorded_at IS NULL');
    }
    if (input.overdue === false) {
      query.andWhere('NOT (v.overdue_at IS NOT NULL AND v.recorded_at IS NULL)');
    }
    if (input.projectId) {
      query.andWhere('v.project_id = :projectId', { projectId: input.projectId });
    }
    if (after) query.andWhere('(v.created_at, v.id) < (:createdAt, :id)', after);
    return toPage({
      rows: await query.getMany(),
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row) => row,
    });
  }
}
