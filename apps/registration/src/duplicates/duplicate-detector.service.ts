import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';
import type {
  DuplicateCandidate,
  DuplicateCheckInput,
  DuplicateDetector,
} from '../beneficiaries/duplicate-detector';
import { SearchKeysService, type SearchKeyKind } from '../beneficiaries/search-keys.service';
import {
  findCandidateRecords,
  type CandidateQuery,
  type CandidateRow,
} from './beneficiary-records';

/** Match codes stored in `duplicate_candidate.reasons` and returned with 409 (wire-stable). */
export const DUPLICATE_REASONS = {
  document: 'document',
  phone: 'phone',
  name: 'name+birth-year+nationality',
} as const;

/**
 * Finds records that may be the same person (CommCare / OpenSPP style): same document (type and
 * number) or same phone is strong; same full-name key (any order, either script, tolerant to
 * transliteration) with the same nationality and a close birth year is probable. The registry is
 * national, so every institution's records are searched; only ids, references and match codes
 * leave this class.
 */
@Injectable()
export class DuplicateDetectorService implements DuplicateDetector {
  constructor(private readonly searchKeys: SearchKeysService) {}

  async check(
    em: EntityManager,
    input: DuplicateCheckInput,
    _principal: Principal,
  ): Promise<DuplicateCandidate[]> {
    const rows = await findCandidateRecords(em, this.candidateQuery(input));
    return rows.map(candidateOf);
  }

  private candidateQuery(input: DuplicateCheckInput): CandidateQuery {
    const keys = this.searchKeys.keysFor({
      names: input.names,
      phone: input.phone ?? null,
      documents: input.documents,
    });
    const hashesOf = (kind: SearchKeyKind) =>
      keys.filter((key) => key.kind === kind).map((key) => key.hash);
    return {
      documentHashes: hashesOf('document'),
      phoneHashes: hashesOf('phone'),
      nameHashes: hashesOf('name-full'),
      birthYear: input.birthYear,
      birthYearEstimated: input.birthYearEstimated ?? false,
      nationality: input.nationality,
    };
  }

  /**
   * Queues the candidates a caller chose to override, paired with the new record, for review;
   * inside the create transaction.
   */
  async queueForReview(
    em: EntityManager,
    input: {
      beneficiaryId: string;
      candidates: readonly DuplicateCandidate[];
      principal: Principal;
    },
  ): Promise<void> {
    const createdAt = new Date();
    for (const candidate of input.candidates) {
      if (candidate.id === input.beneficiaryId) continue;
      await em.query(
        `INSERT INTO duplicate_candidate (id, beneficiary_id, candidate_id, reasons, status,
           created_by, created_at)
         VALUES ($1, $2, $3, $4, 'open', $5, $6)
         ON CONFLICT ON CONSTRAINT duplicate_candidate_beneficiary_id_candidate_id_key DO NOTHING`,
        [
          uuidv7(),
          input.beneficiaryId,
          candidate.id,
          [...candidate.reasons],
          input.principal.sub,
          createdAt,
        ],
      );
    }
  }
}

function candidateOf(row: CandidateRow): DuplicateCandidate {
  return {
    id: row.id,
    reference: row.reference,
    ownerOrg: row.owner_org,
    reasons: [
      ...(row.document ? [DUPLICATE_REASONS.document] : []),
      ...(row.phone ? [DUPLICATE_REASONS.phone] : []),
      ...(row.name ? [DUPLICATE_REASONS.name] : []),
    ],
  };
}
