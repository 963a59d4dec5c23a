import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@mrm/contracts';
import {
  assertVersionMatches,
  decodeCursor,
  DEFAULT_PAGE_LIMIT,
  toPage,
  type Page,
} from '@mrm/http';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateServiceRequestDto } from './dto/create-service.request.dto';
import type { ListServicesQueryDto } from './dto/list-services.query.dto';
import type { UpdateServiceRequestDto } from './dto/update-service.request.dto';
import { PartnerServiceEntity } from './partner-service.entity';
import { PartnerEntity } from './partner.entity';
import { PartnerError } from './partner.errors';
import { PartnersService } from './partners.service';

/** A service that can take a referral, as the referrals feature sees it (never the entity). */
export interface ReferrableService {
  readonly serviceId: string;
  readonly serviceType: string;
  readonly partnerCode: string;
}

/** An active service of an active partner, as suggestions rank it (never the entity). */
export interface CandidateService {
  readonly serviceId: string;
  readonly serviceName: string;
  readonly serviceType: string;
  readonly partnerId: string;
  readonly partnerCode: string;
  readonly partnerName: string;
  readonly regionCodes: readonly string[];
  readonly eligibleCategories: readonly string[];
  readonly eligibleSexes: readonly string[];
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly eligibleNationalities: readonly string[];
  readonly languages: readonly string[];
  readonly placesPerMonth: number | null;
  readonly currentLoad: number;
}

type ServiceFields = Omit<CreateServiceRequestDto, 'partnerId'>;

@Injectable()
export class PartnerServicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: PartnersService,
    private readonly clock: Clock,
  ) {}

  async create(input: { request: CreateServiceRequestDto }): Promise<PartnerServiceEntity> {
    const { request } = input;
    const now = this.clock.now();
    const service = newService({ id: uuidv7(), partnerId: request.partnerId, now });
    applyFields(service, request);
    return this.dataSource.transaction(async (em) => {
      const partner = await this.partners.lock(em, request.partnerId);
      await em.insert(PartnerServiceEntity, service);
      await this.partners.touch(em, partner);
      return service;
    });
  }

  async update(input: {
    serviceId: string;
    patch: UpdateServiceRequestDto;
    expectedVersion: number | undefined;
  }): Promise<PartnerServiceEntity> {
    return this.dataSource.transaction(async (em) => {
      const service = await em.findOne(PartnerServiceEntity, {
        where: { id: input.serviceId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!service) throw new PartnerError('SERVICE_NOT_FOUND');
      assertVersionMatches({ expected: input.expectedVersion, current: service.version });
      applyFields(service, input.patch);
      service.version += 1;
      service.updatedAt = this.clock.now();
      await em.save(PartnerServiceEntity, service);
      await this.partners.touch(em, await this.partners.lock(em, service.partnerId));
      return service;
    });
  }

  async get(input: { serviceId: string }): Promise<PartnerServiceEntity> {
    const service = await this.dataSource
      .getRepository(PartnerServiceEntity)
      .findOneBy({ id: input.serviceId });
    if (!service) throw new PartnerError('SERVICE_NOT_FOUND');
    return service;
  }

  /** Newest first. */
  async list(input: ListServicesQueryDto): Promise<Page<PartnerServiceEntity>> {
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(input.cursor);
    const query = this.dataSource
      .getRepository(PartnerServiceEntity)
      .createQueryBuilder('s')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1);
    if (input.type !== undefined) query.andWhere('s.service_type = :type', { type: input.type });
    if (input.partnerId !== undefined) {
      query.andWhere('s.partner_id = :partnerId', { partnerId: input.partnerId });
    }
    if (input.regionCode !== undefined) {
      query.andWhere(':region = ANY(s.region_codes)', { region: input.regionCode });
    }
    if (input.active !== undefined) query.andWhere('s.active = :active', { active: input.active });
    if (after) query.andWhere('(s.created_at, s.id) < (:createdAt, :id)', after);
    return toPage({
      rows: await query.getMany(),
      limit,
      keyOf: (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
      map: (row) => row,
    });
  }

  /** Every active service of the type whose partner is active too. */
  async candidates(serviceType: string): Promise<CandidateService[]> {
    const rows = await this.dataSource
      .getRepository(PartnerServiceEntity)
      .createQueryBuilder('s')
      .innerJoin(PartnerEntity, 'p', 'p.id = s.partner_id')
      .addSelect(['p.code', 'p.name_fr'])
      .where('s.service_type = :serviceType AND s.active AND p.active', { serviceType })
      .orderBy('s.created_at', 'ASC')
      .limit(500)
      .getRawAndEntities();
    return rows.entities.map((service, index) => {
      const raw = rows.raw[index] as { p_code: string; p_name_fr: string };
      return {
        ...service,
        serviceId: service.id,
        serviceName: service.name,
        partnerCode: raw.p_code,
        partnerName: raw.p_name_fr,
      };
    });
  }

  /** The service a referral goes to: it and its partner must be active (422 otherwise). */
  async referrable(em: EntityManager, serviceId: string): Promise<ReferrableService> {
    const service = await em.findOneBy(PartnerServiceEntity, { id: serviceId });
    if (!service) throw new PartnerError('SERVICE_NOT_FOUND');
    const partner = await em.findOneByOrFail(PartnerEntity, { id: service.partnerId });
    if (!service.active || !partner.active) throw new PartnerError('SERVICE_INACTIVE');
    return { serviceId: service.id, serviceType: service.serviceType, partnerCode: partner.code };
  }
}

/** A service with nothing set but its identity, to which `applyFields` gives the rest. */
export function newService(input: {
  id: string;
  partnerId: string;
  now: Date;
}): PartnerServiceEntity {
  return Object.assign(new PartnerServiceEntity(), {
    id: input.id,
    partnerId: input.partnerId,
    locations: [],
    eligibleCategories: [],
    eligibleSexes: [],
    minAge: null,
    maxAge: null,
    eligibleNationalities: [],
    languages: [],
    placesPerMonth: null,
    currentLoad: 0,
    contactEmail: null,
    contactPhone: null,
    description: null,
    active: true,
    version: 1,
    createdAt: input.now,
    updatedAt: input.now,
  });
}

// Nested objects replace the stored ones whole, so a PATCH reads like the create it amends. An
// optional field of a create may come as null: it means not given, as leaving it out does.
export function applyFields(service: PartnerServiceEntity, fields: Partial<ServiceFields>): void {
  if (given(fields.type)) service.serviceType = fields.type;
  if (given(fields.name)) service.name = fields.name;
  if (fields.description !== undefined) service.description = fields.description;
  if (given(fields.regionCodes)) service.regionCodes = fields.regionCodes;
  if (given(fields.locations)) service.locations = fields.locations;
  if (given(fields.languages)) service.languages = fields.languages;
  if (given(fields.active)) service.active = fields.active;
  if (given(fields.eligibility)) {
    const { eligibility } = fields;
    if (
      eligibility.minAge !== undefined &&
      eligibility.maxAge !== undefined &&
      eligibility.minAge > eligibility.maxAge
    ) {
      throw new PartnerError('SERVICE_AGE_RANGE_INVALID', {
        violations: [{ field: 'eligibility.minAge', message: 'minAge must not exceed maxAge' }],
      });
    }
    service.eligibleCategories = eligibility.categories ?? [];
    service.eligibleSexes = eligibility.sexes ?? [];
    service.minAge = eligibility.minAge ?? null;
    service.maxAge = eligibility.maxAge ?? null;
    service.eligibleNationalities = eligibility.nationalities ?? [];
  }
  if (given(fields.capacity)) {
    service.placesPerMonth = fields.capacity.placesPerMonth ?? null;
    service.currentLoad = fields.capacity.currentLoad ?? 0;
  }
  if (given(fields.contact)) {
    service.contactEmail = fields.contact.email ?? null;
    service.contactPhone = fields.contact.phone ?? null;
  }
}

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;
