import { Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode, canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { beneficiaryMergedV1 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BeneficiaryError } from '../beneficiaries/beneficiary.errors';
import { SearchKeysService } from '../beneficiaries/search-keys.service';
import { ConsentsService } from '../consents/consents.service';
import { EnrolmentsService } from '../programmes/enrolments.service';
import type { RecordSide } from './beneficiary-records';
import {
  assertOpen,
  loadVisiblePair,
  resolveEntry,
  settleEntriesOfMerged,
} from './duplicate-pairs';
import { DuplicateError } from './duplicates.errors';
import type { DuplicatePairView } from './dto/duplicate-candidate.response.dto';
import { markMerged, repointLinks } from './record-merge';

/**
 * Merges a queued pair: the other record is folded into the survivor in one transaction, and
 * every service learns it from `beneficiary.merged.v1`.
 */
@Injectable()
export class DuplicateMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    private readonly searchKeys: SearchKeysService,
    private readonly enrolments: EnrolmentsService,
    private readonly consents: ConsentsService,
  ) {}

  /**
   * The merged record keeps its row (status unchanged, `merged_into` set) but loses its search
   * keys, so searches and duplicate checks no longer find it; its enrolments, consents and links
   * move to the survivor; the queue entry and the record's other open entries are resolved.
   */
  async merge(input: {
    principal: Principal;
    duplicateId: string;
    survivorId: string;
    reason: string;
  }): Promise<DuplicatePairView> {
    const { principal, survivorId, reason } = input;
    return this.dataSource.transaction(async (em) => {
      const pair = await loadVisiblePair({
        em,
        principal,
        duplicateId: input.duplicateId,
        lock: true,
      });
      const { survivor, merged } = this.roles(pair, survivorId);
      assertMayMerge(principal, [survivor, merged]);
      assertOpen(pair.entity);
      for (const record of [survivor, merged]) assertLive(record);

      const at = new Date();
      await markMerged(em, { mergedId: merged.id, survivorId: survivor.id });
      await this.searchKeys.deleteKeys(em, merged.id);
      const moves = { fromBeneficiaryId: merged.id, toBeneficiaryId: survivor.id, em };
      const moved = {
        enrolments: await this.enrolments.repointEnrolments(moves),
        consents: await this.consents.repointConsents(moves),
        links: await repointLinks(em, { fromId: merged.id, toId: survivor.id }),
      };
      const entity = await resolveEntry(em, {
        entity: pair.entity,
        status: 'merged',
        principal,
        reason,
        at,
      });
      const otherEntries = await settleEntriesOfMerged(em, {
        mergedId: merged.id,
        survivorId: survivor.id,
        principal,
        reason,
        at,
      });
      await this.audit.record(em, {
        actor: principal,
        action: 'merge',
        resourceType: 'beneficiary',
        resourceIds: [survivor.id, merged.id],
        reason,
        details: {
          duplicateCandidateId: entity.id,
          survivorId: survivor.id,
          mergedId: merged.id,
          moved,
          otherEntries,
        },
      });
      await this.outbox.append(
        em,
        beneficiaryMergedV1,
        { beneficiaryId: survivor.id, mergedBeneficiaryId: merged.id, mergedAt: at.toISOString() },
        { subject: survivor.id },
      );
      const mergedSide = { ...merged, mergedInto: survivor.id };
      return {
        entity,
        beneficiary: pair.beneficiary.id === merged.id ? mergedSide : pair.beneficiary,
        candidate: pair.candidate.id === merged.id ? mergedSide : pair.candidate,
      };
    });
  }

  private roles(
    pair: DuplicatePairView,
    survivorId: string,
  ): { survivor: RecordSide; merged: RecordSide } {
    if (survivorId === pair.beneficiary.id) {
      return { survivor: pair.beneficiary, merged: pair.candidate };
    }
    if (survivorId === pair.candidate.id) {
      return { survivor: pair.candidate, merged: pair.beneficiary };
    }
    throw new DuplicateError('DUPLICATE_SURVIVOR_NOT_IN_PAIR', {
      violations: [{ field: 'survivorId', message: 'survivorId must be one of the two records' }],
    });
  }
}

// Merging rewrites both files: a case worker must own both; national roles may merge any pair.
function assertMayMerge(principal: Principal, records: readonly RecordSide[]): void {
  if (canSeeAllPersonalFiles(principal)) return;
  if (records.every((record) => record.ownerOrg === principal.org)) return;
  throw new AuthError(AuthErrorCode.AUTH_FORBIDDEN, {
    detail: 'One of the records belongs to another institution: a coordinator must merge them',
  });
}

// Same codes as the beneficiaries feature: a client sees one vocabulary for a frozen file.
function assertLive(record: RecordSide): void {
  if (record.erased) {
    throw new BeneficiaryError('BENEFICIARY_ERASED', { detail: `${record.reference} was erased` });
  }
  if (record.mergedInto !== null) {
    throw new BeneficiaryError('BENEFICIARY_MERGED', {
      detail: `${record.reference} was already merged into another record`,
    });
  }
}
