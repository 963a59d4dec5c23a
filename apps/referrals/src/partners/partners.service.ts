import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@mrm/contracts';
import {
  assertVersionMatches,
  decodeCursor,
  DEFAULT_PAGE_LIMIT,
  toPage,
  type Page,
} from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreatePartnerRequestDto } from './dto/create-partner.request.dto';
import type { ListPartnersQueryDto } from './dto/list-partners.query.dto';
import type { UpdatePartnerRequestDto } from './dto/update-partner.request.dto';
import { appendPartnerEvent } from './partner-events';
import { PartnerServiceEntity } from './partner-service.entity';
import { toHsdsDocument } from './hsds-export';
import { PartnerEntity } from './partner.entity';
import { PartnerError } from './partner.errors';
import { isUniqueViolation } from './unique-violation';

@Injectable()
export class PartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async register(input: { request: CreatePartnerRequestDto }): Promise<PartnerEntity> {
    const { request } = input;
    const now = this.clock.now();
    const partner = this.dataSource.getRepository(PartnerEntity).create({
      id: uuidv7(),
      code: request.code,
      nameFr: request.names.fr,
      nameAr: request.names.ar ?? null,
      nameEn: request.names.en ?? null,
      kind: request.kind,
      description: request.description ?? null,
      website: request.website ?? null,
      email: request.email ?? null,
      phone: request.phone ?? null,
      active: request.active ?? true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.dataSource.transaction(async (em) => {
        await em.insert(PartnerEntity, partner);
        await appendPartnerEvent({ em, outbox: this.outbox, partner, registered: true });
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'partner_code_key')) throw error;
      throw new PartnerError('PARTNER_CODE_TAKEN', {
        violations: [{ field: 'code', message: 'code is already taken' }],
      });
    }
    return partner;
  }

  async update(input: {
    partnerId: string;
    patch: UpdatePartnerRequestDto;
    expectedVersion: number | undefined;
  }): Promise<PartnerEntity> {
    const { patch } = input;
    return this.dataSource.transaction(async (em) => {
      const partner = await this.lock(em, input.partnerId);
      assertVersionMatches({ expected: input.expectedVersion, current: partner.version });
      if (patch.names) {
        partner.nameFr = patch.names.fr;
        partner.nameAr = patch.names.ar ?? null;
        partner.nameEn = patch.names.en ?? null;
      }
      // null clears an optional text; `active` has no unset state, so its null means not given.
      for (const key of ['kind', 'description', 'website', 'email', 'phone'] as const) {
        if (patch[key] !== undefined) Object.assign(partner, { [key]: patch[key] });
      }
      if (patch.active !== undefined && patch.active !== null) partner.active = patch.active;
      await this.touch(em, partner);
      return partner;
    });
  }

  /** Bumps the partner's version and announces it: a change of the partner or of a service. */
  async touch(em: EntityManager, partner: PartnerEntity): Promise<void> {
    partner.version += 1;
    partner.updatedAt = this.clock.now();
    await em.save(PartnerEntity, partner);
    await appendPartnerEvent({ em, outbox: this.outbox, partner, registered: false });
  }

  async lock(em: EntityManager, partnerId: string): Promise<PartnerEntity> {
    const partner = await em.findOne(PartnerEntity, {
      where: { id: partnerId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!partner) throw new PartnerError('PARTNER_NOT_FOUND');
    return partner;
  }

  async get(input: { partnerId: string }): Promise<PartnerEntity> {
    const partner = await this.dataSource
      .getRepository(PartnerEntity)
      .findOneBy({ id: input.partnerId });
    if (!partner) throw new PartnerError('PARTNER_NOT_FOUND');
    return partner;
  }

  /** Newest first. */
  async list(input: ListPartnersQueryDto): Promise<Page<PartnerEntity>> {
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    const query = this.dataSource
      .getRepository(PartnerEntity)
      .createQueryBuilder('p')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit + 1);
    if (input.kind !== undefined) query.andWhere('p.kind = :kind', { kind: input.kind });
    if (input.active !== undefined) query.andWhere('p.active = :active', { active: input.active });
    if (after) query.andWhere('(p.created_at, p.id) < (:createdAt, :id)', after);
    return toPage({
      rows: await query.getMany(),
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row) => row,
    });
  }

  /** The whole directory as an Open Referral HSDS 3 document. */
  async exportHsds(): Promise<{ organizations: object[] }> {
    const partners = await this.dataSource
      .getRepository(PartnerEntity)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
    const services = await this.dataSource
      .getRepository(PartnerServiceEntity)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return toHsdsDocument(partners, services);
  }
}
