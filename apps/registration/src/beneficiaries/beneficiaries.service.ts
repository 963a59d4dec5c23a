import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import { assertVersionMatches, canonicalJson } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { MatchReviewContext } from '../match-reviews/match-review-vocabulary';
import { assertMutable, isVisibleTo, loadVisible } from './beneficiary-access';
import { appendUpdated, registeredRow } from './beneficiary-events';
import {
  applyPatch,
  draftFromRequest,
  draftOfEntity,
  type BeneficiaryDraft,
} from './beneficiary-input';
import { insertLinks, loadLinks, replaceLinks } from './beneficiary-links';
import { BeneficiaryEntity } from './beneficiary.entity';
import { insertRegistration } from './beneficiary.repository';
import { BeneficiaryError } from './beneficiary.errors';
import { BeneficiaryProtector } from './beneficiary.protector';
import type { DuplicateCandidate } from './duplicate-detector';
import { DuplicateGate } from './duplicate-gate';
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
   * row, its reference number, search keys, audit entry and `beneficiary.registered.v1` in one
   * statement; declared links and overridden candidates queued for review in a transaction with it.
   */
  async create(input: {
    request: RegisterBeneficiaryRequestDto;
    principal: Principal;
    reason?: string | null;
    /** Where a cross-institution match is answered (`import` from a file); `create` by default. */
    matchContext?: MatchReviewContext;
  }): Promise<BeneficiaryView> {
    const { request, principal } = input;
    const draft = draftFromRequest(request);
    const links = request.links ?? [];
    const em = this.dataSource.manager;
    await this.assertLinkable(em, principal, links, undefined);
    const override = request.duplicateOverride;
    const overridden = await this.duplicates.check({
      draft,
      principal,
      override,
      context: input.matchContext,
      reason: input.reason,
    });
    const entity = this.newEntity(draft, principal);
    const write = async (tx: EntityManager) => {
      entity.reference = await insertRegistration(tx, {
        row: entity,
        year: entity.createdAt.getUTCFullYear(),
        searchKeys: this.searchKeys.keysFor(draft.personal),
        auditEntry: this.audit.entryValues({
          actor: principal,
          action: 'create',
          resourceType: RESOURCE,
          resourceIds: [entity.id],
          reason: input.reason,
          details: overrideDetails(override, overridden),
        }),
        event: registeredRow(this.outbox, entity),
      });
      await insertLinks(tx, entity.id, links);
      const review = { em: tx, beneficiaryId: entity.id, candidates: overridden, principal };
      await this.duplicates.queueForReview(review);
    };
    // The statement is atomic by itself: only links or a review to queue need a transaction.
    await (links.length > 0 || overridden.length > 0
      ? this.dataSource.transaction(write)
      : write(em));
    const savedLinks = links.length > 0 ? await loadLinks(em, entity.id) : [];
    return { entity, personal: draft.personal, birthDate: draft.birthDate, links: savedLinks };
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
    return this.viewOf(em, entity);
  }

  /**
   * A record read by an institution that does not own it, under the open referrals that
   * referral-access/ checked (never call it without that check); audited with those referrals.
   */
  async readUnderReferral(input: {
    principal: Principal;
    beneficiaryId: string;
    referralIds: readonly string[];
    reason?: string | null;
  }): Promise<BeneficiaryView> {
    const em = this.dataSource.manager;
    const entity = await em.findOneBy(BeneficiaryEntity, { id: input.beneficiaryId });
    if (!entity || entity.erasedAt) throw new BeneficiaryError('BENEFICIARY_NOT_FOUND');
    await this.audit.record(undefined, {
      actor: input.principal,
      action: 'read',
      resourceType: RESOURCE,
      resourceIds: [entity.id],
      reason: input.reason,
      details: { via: 'referral', referralIds: [...input.referralIds] },
    });
    return this.viewOf(em, entity);
  }

  /**
   * The record as its encrypted package for a partner system is built from, inside the caller's
   * transaction; undefined once erased. Audited as an export to that institution.
   */
  async readForPartnerSystem(
    em: EntityManager,
    input: {
      beneficiaryId: string;
      referralId: string;
      receivingOrg: string;
      categories: string[];
    },
  ): Promise<BeneficiaryView | undefined> {
    const entity = await em.findOneBy(BeneficiaryEntity, { id: input.beneficiaryId });
    if (!entity || entity.erasedAt) return undefined;
    await this.audit.record(em, {
      actor: { sub: 'partner-bus', org: input.receivingOrg, roles: [] },
      action: 'export',
      resourceType: RESOURCE,
      resourceIds: [entity.id],
      reason: 'referral sent to the partner system',
      details: {
        via: 'partner-bus',
        referralIds: [input.referralId],
        categories: input.categories,
      },
    });
    return this.viewOf(em, entity);
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
      const current = draftOfEntity(
        entity,
        this.protector.open(entity),
        this.protector.openBirthDate(entity),
      );
      const next = applyPatch(current, input.patch);
      if (input.patch.links) {
        await this.assertLinkable(em, input.principal, input.patch.links, entity.id);
      }
      const linksBefore = await loadLinks(em, entity.id);
      const changed = canonicalJson(next) !== canonicalJson(current);
      if (!changed && !input.patch.links) {
        const birthDate = current.birthDate;
        return { entity, personal: current.personal, birthDate, links: linksBefore };
      }
      if (canonicalJson(next.personal) !== canonicalJson(current.personal)) {
        Object.assign(entity, this.protector.seal(entity.id, next.personal));
        await this.searchKeys.replaceKeys(em, entity.id, this.searchKeys.keysFor(next.personal));
      }
      const { personal: _personal, birthDate, ...clear } = next;
      Object.assign(entity, clear, {
        birthDateEnc: this.protector.sealBirthDate(entity.id, birthDate),
        version: entity.version + 1,
        updatedAt: new Date(),
      });
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
      const links = await loadLinks(em, entity.id);
      return { entity: saved, personal: next.personal, birthDate: next.birthDate, links };
    });
  }

  // A stored record with its personal data and birth date decrypted, and its links.
  private async viewOf(em: EntityManager, entity: BeneficiaryEntity): Promise<BeneficiaryView> {
    return {
      entity,
      personal: this.protector.open(entity),
      birthDate: this.protector.openBirthDate(entity),
      links: await loadLinks(em, entity.id),
    };
  }

  // A new record as the table's defaults would complete it, its reference still to be numbered.
  private newEntity(draft: BeneficiaryDraft, principal: Principal): BeneficiaryEntity {
    const { personal, birthDate, ...clear } = draft;
    const id = uuidv7();
    const now = new Date();
    return Object.assign(new BeneficiaryEntity(), {
      ...clear,
      ...this.protector.seal(id, personal),
      birthDateEnc: this.protector.sealBirthDate(id, birthDate),
      id,
      ownerOrg: principal.org,
      createdBy: principal.sub,
      status: 'registered',
      version: 1,
      createdAt: now,
      updatedAt: now,
      closureReason: null,
      closedAt: null,
      mergedInto: null,
      erasedAt: null,
    });
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

// An override needs a reason and a trace: which candidates the caller chose to ignore.
function overrideDetails(
  override: { reason: string } | undefined,
  overridden: readonly DuplicateCandidate[],
): Record<string, unknown> | undefined {
  if (!override || overridden.length === 0) return undefined;
  const candidateIds = overridden.map((candidate) => candidate.id);
  return { duplicateOverride: { reason: override.reason, candidateIds } };
}
