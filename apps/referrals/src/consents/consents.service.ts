import { Injectable } from '@nestjs/common';
import type { BeneficiaryConsentGrantedV1, BeneficiaryConsentWithdrawnV1 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';

/** The consent that allows a referral, as the referrals feature sees it. */
export interface ValidConsent {
  readonly consentId: string;
  readonly dataCategories: readonly string[];
  readonly expiresAt: Date | null;
}

/** The purpose a referral needs consent for (registration's vocabulary). */
export const REFERRAL_PURPOSE = 'referral';

@Injectable()
export class ConsentsService {
  /** Upserts the terms; a withdrawal already recorded stays. Redelivery gives the same row. */
  async recordGranted(em: EntityManager, granted: BeneficiaryConsentGrantedV1): Promise<void> {
    await em.query(
      `INSERT INTO consent_grant (consent_id, beneficiary_id, purposes, recipients,
                                  data_categories, granted_at, expires_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (consent_id) DO UPDATE
         SET purposes = EXCLUDED.purposes, recipients = EXCLUDED.recipients,
             data_categories = EXCLUDED.data_categories, granted_at = EXCLUDED.granted_at,
             expires_at = EXCLUDED.expires_at, updated_at = now()`,
      [
        granted.consentId,
        granted.beneficiaryId,
        granted.purposes,
        granted.recipients,
        granted.dataCategories,
        granted.grantedAt,
        granted.expiresAt ?? null,
      ],
    );
  }

  async recordWithdrawn(
    em: EntityManager,
    withdrawn: BeneficiaryConsentWithdrawnV1,
  ): Promise<void> {
    await em.query(
      `INSERT INTO consent_grant (consent_id, beneficiary_id, withdrawn_at, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (consent_id) DO UPDATE
         SET withdrawn_at = EXCLUDED.withdrawn_at, updated_at = now()`,
      [withdrawn.consentId, withdrawn.beneficiaryId, withdrawn.withdrawnAt],
    );
  }

  /** Registration moved the duplicate's consents to the survivor; so does the read model. */
  async repoint(em: EntityManager, input: { fromId: string; toId: string }): Promise<void> {
    await em.query('UPDATE consent_grant SET beneficiary_id = $2 WHERE beneficiary_id = $1', [
      input.fromId,
      input.toId,
    ]);
  }

  /**
   * The newest consent that lets `recipient` receive `dataCategories` of the person for a
   * referral at `at`: granted, neither withdrawn nor expired. `consentId` narrows it to one.
   */
  async findValid(
    em: EntityManager,
    input: {
      beneficiaryId: string;
      recipient: string;
      dataCategories: readonly string[];
      at: Date;
      consentId?: string;
    },
  ): Promise<ValidConsent | undefined> {
    const rows: Array<{ consent_id: string; data_categories: string[]; expires_at: Date | null }> =
      await em.query(
        `SELECT consent_id, data_categories, expires_at FROM consent_grant
          WHERE beneficiary_id = $1 AND $2 = ANY(purposes) AND $3 = ANY(recipients)
            AND data_categories @> $4::text[] AND granted_at <= $5
            AND withdrawn_at IS NULL AND (expires_at IS NULL OR expires_at > $5)
            AND ($6::uuid IS NULL OR consent_id = $6)
          ORDER BY granted_at DESC LIMIT 1`,
        [
          input.beneficiaryId,
          REFERRAL_PURPOSE,
          input.recipient,
          input.dataCategories,
          input.at,
          input.consentId ?? null,
        ],
      );
    const [row] = rows;
    return row
      ? {
          consentId: row.consent_id,
          dataCategories: row.data_categories,
          expiresAt: row.expires_at,
        }
      : undefined;
  }
}
