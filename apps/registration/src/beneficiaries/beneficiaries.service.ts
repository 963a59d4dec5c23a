import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import { assertVersionMatches, canonicalJson } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertMutable, isVisibleTo, loadVisible } from './beneficiary-access';
import { appendUpdated, registrationWrites } from './beneficiary-events';
import {
  applyPatch,
  draftFromRequest,
  draftOfEntity,
  type BeneficiaryDraft,
} from './beneficiary-input';
import { insertLinks, loadLinks, replaceLinks } from './beneficiary-links';
import { BeneficiaryInsert } from './beneficiary-insert';
import { BeneficiaryEntity } from './beneficiary.entity';
import { BeneficiaryError } from './beneficiary.errors';
import { BeneficiaryProtector } from './beneficiary.protector';
import { DuplicateGate, probableDuplicate } from './duplicate-gate';
import type { BeneficiaryView } from './dto/beneficiary.response.dto';
import type { RegisterBeneficiaryRequestDto } from './dto/register-beneficiary.request.dto';
import type { UpdateBeneficiaryRequestDto } from './dto/update-beneficiary.request.dto';
import { SearchKeysService } from './search-keys.service';

const RESOURCE = 'beneficiary';

/** What other features learn about a beneficiary they may act on (programmes, consents). */
export interface AccessibleBeneficiary {
  readonly id: string;
  readonly ownerOrg: string;
  /** One of the five beneficiary categories (programme targeting). */
  readonly category: string;
  readonly status: string;
  readonly erased: boolean;
  readonly mergedInto: string | null;
}

@Injectable()
export class BeneficiariesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly protector: BeneficiaryProtector,
    private readonly searchKeys: SearchKeysService,
    private readonly audit: AuditService,
    private readonly duplicates: DuplicateGate,
  ) {}

  /**
   * The beneficiary if the principal may act on it. Throws 404 `BENEFICIARY_NOT_FOUND` when it does
   * not exist or belongs to another institution, 403 `AUTH_FORBIDDEN` for analysts and auditors.
   */
  async findAccessible(input: {
    principal: Principal;
    beneficiaryId: string;
    em?: EntityManager;
  }): Promise<AccessibleBeneficiary> {
    const entity = await loadVisible({ em: input.em ?? this.dataSource.manager, ...input });
    return {
      id: entity.id,
      ownerOrg: entity.ownerOrg,
      category: entity.category,
      status: entity.status,
      erased: entity.erasedAt !== null,
      mergedInto: entity.mergedInto,
    };
  }

  /**
   * Registers a beneficiary unless it may be a duplicate (409 unless overridden with a reason): the
   * duplicate lookup, row, reference number, search keys, audit entry and
   * `beneficiary.registered.v1` in one statement, atomic by itself. Declared links and the review
   * of overridden duplicates add statements of their own: then a transaction holds them together.
   */
  async create(input: {
    request: RegisterBeneficiaryRequestDto;
    principal: Principal;
    reason?: string | null;
  }): Promise<BeneficiaryView> {
    const { request } = input;
    const needsTransaction = (request.links ?? []).length > 0 || !!request.duplicateOverride;
    return needsTransaction
      ? this.dataSource.transaction((em) => this.register(em, input))
      : this.register(this.dataSource.manager, input);
  }

  private async register(
    em: EntityManager,
    input: { request: RegisterBeneficiaryRequestDto; principal: Principal; reason?: string | null },
  ): Promise<BeneficiaryView> {
    const { request, principal } = input;
    const draft = draftFromRequest(request);
    const links = request.links ?? [];
    await this.assertLinkable(em, principal, links, undefined);
    // Without an override, the duplicate lookup is the first part of the insert's own statement
    // (ADR 0010); with one, its candidates are needed first, for the audit entry and the review.
    const lookup = request.duplicateOverride
      ? undefined
      : this.duplicates.lookup({ draft, principal });
    const overridden = lookup
      ? []
      : await this.duplicates.check({ em, draft, principal, override: request.duplicateOverride });
    const id = uuidv7();
    const now = new Date();
    const entity = em.create(BeneficiaryEntity, {
      ...this.columnsOf(id, draft),
      id,
      ownerOrg: principal.org,
      createdBy: principal.sub,
      status: 'registered',
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    // Sets `entity.reference`. A new id has no keys or links yet, so nothing needs deleting first.
    const found = await BeneficiaryInsert.of(this.dataSource).insert(em, entity, {
      ...(lookup ? { unlessFound: lookup.statement } : {}),
      year: now.getUTCFullYear(),
      searchKeys: this.searchKeys.keysFor(draft.personal),
      ...registrationWrites({
        outbox: this.outbox,
        audit: this.audit,
        entity,
        entry: {
          actor: principal,
          action: 'create',
          resourceType: RESOURCE,
          resourceIds: [id],
          reason: input.reason,
          // An override needs a reason and a trace: which candidates the caller chose to ignore.
          ...(overridden.length > 0 && request.duplicateOverride
            ? {
                details: {
                  duplicateOverride: {
                    reason: request.duplicateOverride.reason,
                    candidateIds: overridden.map((candidate) => candidate.id),
                  },
                },
              }
            : {}),
        },
      }),
    });
    if (lookup && found.length > 0) throw probableDuplicate(lookup.candidatesOf(found));
    await insertLinks(em, id, links);
    await this.duplicates.queueForReview({
      em,
      beneficiaryId: id,
      candidates: overridden,
      principal,
    });
    // A new record's links are the ones just written (none unless the request declared some).
    return {
      entity,
      personal: draft.personal,
      links: links.length > 0 ? await loadLinks(em, id) : [],
    };
  }

  /** A full record, decrypted; every read is audited. */
  async read(input: {
    principal: Principal;
    beneficiaryId: string;
    reason?: string | null;
  }): Promise<BeneficiaryView> {
    const em = this.dataSource.manager;
    const entity = await loadVisible({ em, ...input });
    await this.audit.record(undefined, {
      actor: input.principal,
      action: 'read',
      resourceType: RESOURCE,
      resourceIds: [entity.id],
      reason: input.reason,
    });
    return { entity, personal: this.protector.open(entity), links: await loadLinks(em, entity.id) };
  }

  /** Applies a PATCH to the version the caller read (412 otherwise); emits `beneficiary.updated.v1`. */
  async update(input: {
    principal: Principal;
    beneficiaryId: string;
    patch: UpdateBeneficiaryRequestDto;
    expectedVersion: number | undefined;
    reason?: string | null;
  }): Promise<BeneficiaryView> {
    return this.dataSource.transaction(async (em) => {
      const entity = await loadVisible({ em, ...input, lock: true });
      assertVersionMatches({ expected: input.expectedVersion, current: entity.version });
      assertMutable(entity);
      const current = draftOfEntity(entity, this.protector.open(entity));
      const next = applyPatch(current, input.patch);
      if (input.patch.links) {
        await this.assertLinkable(em, input.principal, input.patch.links, entity.id);
      }
      const linksBefore = await loadLinks(em, entity.id);
      const changed = canonicalJson(next) !== canonicalJson(current);
      if (!changed && !input.patch.links) {
        return { entity, personal: current.personal, links: linksBefore };
      }
      if (canonicalJson(next.personal) !== canonicalJson(current.personal)) {
        Object.assign(entity, this.protector.seal(entity.id, next.personal));
        await this.searchKeys.replaceKeys(em, entity.id, this.searchKeys.keysFor(next.personal));
      }
      const { personal: _personal, ...clear } = next;
      Object.assign(entity, clear, { version: entity.version + 1, updatedAt: new Date() });
      if (input.patch.links) await replaceLinks(em, entity.id, input.patch.links);
      const saved = await em.save(entity);
      await appendUpdated({ outbox: this.outbox, em, entity: saved });
      await this.audit.record(em, {
        actor: input.principal,
        action: 'update',
        resourceType: RESOURCE,
        resourceIds: [entity.id],
        reason: input.reason,
        details: { fields: Object.keys(input.patch).sort() },
      });
      return { entity: saved, personal: next.personal, links: await loadLinks(em, entity.id) };
    });
  }

  private columnsOf(id: string, draft: BeneficiaryDraft): Partial<BeneficiaryEntity> {
    const { personal, ...clear } = draft;
    return { ...clear, ...this.protector.seal(id, personal) };
  }

  private async assertLinkable(
    em: EntityManager,
    principal: Principal,
    links: ReadonlyArray<{ beneficiaryId: string }>,
    selfId: string | undefined,
  ): Promise<void> {
    const ids = [...new Set(links.map((link) => link.beneficiaryId))];
    const found =
      ids.length > 0
        ? await em.findBy(
            BeneficiaryEntity,
            ids.map((id) => ({ id })),
          )
        : [];
    const usable = new Set(
      found
        .filter((row) => !row.erasedAt && isVisibleTo(principal, row.ownerOrg))
        .map((row) => row.id),
    );
    const violations = links.flatMap((link, index) =>
      usable.has(link.beneficiaryId) && link.beneficiaryId !== selfId
        ? []
        : [
            {
              field: `links.${index}.beneficiaryId`,
              message: 'must be another beneficiary you can access',
            },
          ],
    );
    if (violations.length > 0) {
      throw new BeneficiaryError('BENEFICIARY_INVALID', {
        detail: 'One or more fields are invalid',
        violations,
      });
    }
  }
}
