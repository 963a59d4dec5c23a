import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import type { ReferralFactsV1 } from '@mrm/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import { BeneficiaryError } from '../beneficiaries/beneficiary.errors';
import type { BeneficiaryView } from '../beneficiaries/dto/beneficiary.response.dto';

/** A person as a receiving institution may see it: the record and the categories it may read. */
export interface ReferredView {
  readonly view: BeneficiaryView;
  readonly dataCategories: string[];
  readonly referralIds: string[];
}

// Whatever the order of delivery, the row ends as the highest referral version says.
const UPSERT = `
  INSERT INTO referral_access_grant
    (referral_id, beneficiary_id, receiving_org, data_categories, open, referral_version, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, now())
  ON CONFLICT (referral_id) DO UPDATE SET
    data_categories = CASE WHEN cardinality(EXCLUDED.data_categories) > 0
                           THEN EXCLUDED.data_categories
                           ELSE referral_access_grant.data_categories END,
    open = CASE WHEN EXCLUDED.referral_version > referral_access_grant.referral_version
                THEN EXCLUDED.open ELSE referral_access_grant.open END,
    referral_version = GREATEST(EXCLUDED.referral_version, referral_access_grant.referral_version),
    updated_at = now()`;

/** Read access of receiving institutions, open exactly while their referral is open. */
@Injectable()
export class ReferralAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiariesService,
  ) {}

  /** Applies one referral event; `dataCategories` come with `referral.requested.v1` only. */
  async apply(
    em: EntityManager,
    input: { facts: ReferralFactsV1; open: boolean; dataCategories?: readonly string[] },
  ): Promise<void> {
    const { facts } = input;
    await em.query(UPSERT, [
      facts.referralId,
      facts.beneficiaryId,
      facts.receivingOrg,
      input.dataCategories ?? [],
      input.open,
      facts.version,
    ]);
  }

  /** 404 unless the caller's institution holds an open referral of the person; audited. */
  async read(input: {
    principal: Principal;
    beneficiaryId: string;
    reason?: string | null;
  }): Promise<ReferredView> {
    const grants: Array<{ referral_id: string; data_categories: string[] }> =
      await this.dataSource.query(
        `SELECT referral_id, data_categories FROM referral_access_grant
          WHERE beneficiary_id = $1 AND receiving_org = $2 AND open`,
        [input.beneficiaryId, input.principal.org],
      );
    if (grants.length === 0) throw new BeneficiaryError('BENEFICIARY_NOT_FOUND');
    const referralIds = grants.map((grant) => grant.referral_id);
    const view = await this.beneficiaries.readUnderReferral({ ...input, referralIds });
    const categories = new Set(grants.flatMap((grant) => grant.data_categories));
    return { view, dataCategories: [...categories].sort(), referralIds };
  }
}
