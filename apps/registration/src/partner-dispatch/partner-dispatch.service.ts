import { Injectable } from '@nestjs/common';
import {
  PARTNER_OUTBOUND_DEFINITIONS,
  partnerErasureRequestedV1,
  partnerReferralSubject,
  type PartnerSystemRegisteredV1,
  type PartnerSystemRevokedV1,
  type ReferralErasureRequestedV1,
  type ReferralFactsV1,
} from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import type { EntityManager } from 'typeorm';
import { BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import { consentStatusAt } from '../consents/consent-status';
import { consentedFields, sealForPartner } from './partner-package';
import { PartnerSystemKeyEntity } from './partner-system-key.entity';

// Whatever the order of delivery, the row ends as the highest key version says.
const UPSERT_KEY = `
  INSERT INTO partner_system_key (org, bus_code, public_jwk, active, key_version, updated_at)
  VALUES ($1, $2, $3, $4, $5, now())
  ON CONFLICT (org) DO UPDATE SET
    bus_code = EXCLUDED.bus_code, public_jwk = EXCLUDED.public_jwk, active = EXCLUDED.active,
    key_version = EXCLUDED.key_version, updated_at = now()
  WHERE EXCLUDED.key_version > partner_system_key.key_version
     OR (EXCLUDED.key_version = partner_system_key.key_version AND NOT EXCLUDED.active)`;

interface ConsentRow {
  beneficiaryId: string;
  purposes: string[];
  recipients: string[];
  dataCategories: string[];
  expiresAt: Date | null;
  withdrawnAt: Date | null;
}

/** The changes of a referral a partner system is told about, by subject event. */
export type PartnerReferralChange = 'requested' | 'cancelled' | 'consent-withdrawn';

/**
 * The outbound side of the partner bus. Registration alone holds personal data, so it alone builds
 * what a partner system receives: the referral's facts in clear, and the fields the consent covers
 * (checked again now) encrypted to the partner's public key, written to the outbox on
 * `partners.<code>.referrals.<event>`. Institutions without a system are not concerned.
 */
@Injectable()
export class PartnerDispatchService {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly beneficiaries: BeneficiariesService,
  ) {}

  async registerKey(em: EntityManager, event: PartnerSystemRegisteredV1): Promise<void> {
    await em.query(UPSERT_KEY, [
      event.code,
      event.busCode,
      event.publicJwk,
      true,
      event.keyVersion,
    ]);
  }

  async revokeKey(em: EntityManager, event: PartnerSystemRevokedV1): Promise<void> {
    await em.query(
      `UPDATE partner_system_key SET active = false, updated_at = now()
        WHERE org = $1 AND key_version <= $2`,
      [event.code, event.keyVersion],
    );
  }

  async referralChanged(
    em: EntityManager,
    input: {
      change: PartnerReferralChange;
      facts: ReferralFactsV1;
      consentId?: string;
      dataCategories?: readonly string[];
    },
  ): Promise<void> {
    const { facts } = input;
    const partner = await this.activeSystemOf(em, facts.receivingOrg);
    if (!partner) return;
    const categories =
      input.change === 'requested'
        ? await this.consentedCategories(em, facts, input.consentId, input.dataCategories ?? [])
        : [];
    let personal: string | undefined;
    if (categories.length > 0) {
      const view = await this.beneficiaries.readForPartnerSystem(em, {
        beneficiaryId: facts.beneficiaryId,
        referralId: facts.referralId,
        receivingOrg: facts.receivingOrg,
        categories,
      });
      if (view) {
        personal = await sealForPartner(
          consentedFields(view, categories, facts.referralId),
          partner.publicJwk,
          partner.keyVersion,
        );
      }
    }
    await this.outbox.appendOnSubject(
      em,
      PARTNER_OUTBOUND_DEFINITIONS[input.change],
      {
        referralId: facts.referralId,
        beneficiaryId: facts.beneficiaryId,
        referringOrg: facts.referringOrg,
        receivingOrg: facts.receivingOrg,
        serviceId: facts.serviceId,
        serviceType: facts.serviceType,
        priority: facts.priority,
        status: facts.status,
        version: facts.version,
        occurredAt: facts.occurredAt,
        dataCategories: personal ? categories : [],
        ...(personal ? { personal } : {}),
      },
      { subject: facts.referralId },
      partnerReferralSubject(partner.busCode, input.change),
    );
  }

  async erasureRequested(em: EntityManager, event: ReferralErasureRequestedV1): Promise<void> {
    const partner = await this.activeSystemOf(em, event.receivingOrg);
    if (!partner) return;
    await this.outbox.appendOnSubject(
      em,
      partnerErasureRequestedV1,
      {
        erasureRequestId: event.erasureRequestId,
        beneficiaryId: event.beneficiaryId,
        referralIds: event.referralIds,
        erasedAt: event.erasedAt,
      },
      { subject: event.erasureRequestId },
      partnerReferralSubject(partner.busCode, 'erasure-requested'),
    );
  }

  private async activeSystemOf(
    em: EntityManager,
    org: string,
  ): Promise<PartnerSystemKeyEntity | undefined> {
    return (await em.findOneBy(PartnerSystemKeyEntity, { org, active: true })) ?? undefined;
  }

  /**
   * The categories that may travel now: those the referral shares that its consent still covers
   * (this person, purpose `referral`, this recipient, valid now). A referral a coordinator sent
   * without consent carries nothing personal to a partner system.
   */
  private async consentedCategories(
    em: EntityManager,
    facts: ReferralFactsV1,
    consentId: string | undefined,
    shared: readonly string[],
  ): Promise<string[]> {
    if (!consentId) return [];
    // The consents feature's table, read as it stands in this transaction.
    const [consent]: ConsentRow[] = await em.query(
      `SELECT beneficiary_id AS "beneficiaryId", purposes, recipients,
              data_categories AS "dataCategories", expires_at AS "expiresAt",
              withdrawn_at AS "withdrawnAt"
         FROM consent WHERE id = $1`,
      [consentId],
    );
    if (
      !consent ||
      consent.beneficiaryId !== facts.beneficiaryId ||
      consentStatusAt(consent, new Date()) !== 'active' ||
      !consent.purposes.includes('referral') ||
      !consent.recipients.includes(facts.receivingOrg)
    ) {
      return [];
    }
    return shared.filter((category) => consent.dataCategories.includes(category)).sort();
  }
}
