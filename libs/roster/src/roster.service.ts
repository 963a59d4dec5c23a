import { Inject, Injectable } from '@nestjs/common';
import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { RosterBeneficiaryEntity } from './roster-beneficiary.entity';
import { RosterError } from './roster.errors';
import { ROSTER_OPTIONS } from './roster.options';
import type { RosterOptions } from './roster.options';

// Merges chain when a survivor is itself merged later; a longer chain means corrupt data.
const MAX_MERGE_HOPS = 10;

@Injectable()
export class RosterService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ROSTER_OPTIONS) private readonly options: RosterOptions,
  ) {}

  /**
   * The roster entry as the caller may see it: another institution's beneficiary answers 404 like
   * an unknown one, so the roster cannot be used to probe which ids exist elsewhere.
   */
  async get(principal: Principal, beneficiaryId: string): Promise<RosterBeneficiaryEntity> {
    const found = await this.find(this.dataSource.manager, beneficiaryId);
    if (!found || (found.ownerOrg !== principal.org && !canSeeAllPersonalFiles(principal))) {
      throw this.notFound(beneficiaryId);
    }
    return found;
  }

  /**
   * The entry a service may act on: a merged duplicate resolves to its survivor. Unknown ids and
   * placeholders (a merge or erasure seen before the registration) are 404, erased people 422.
   */
  async resolveActive(
    em: EntityManager | undefined,
    beneficiaryId: string,
  ): Promise<RosterBeneficiaryEntity> {
    const manager = em ?? this.dataSource.manager;
    let entry = await this.find(manager, beneficiaryId);
    for (let hop = 0; entry?.mergedInto && hop < MAX_MERGE_HOPS; hop++) {
      entry = await this.find(manager, entry.mergedInto);
    }
    if (!entry || entry.mergedInto || entry.version === 0) throw this.notFound(beneficiaryId);
    if (entry.erasedAt) {
      throw new RosterError(this.options.service, 'ROSTER_BENEFICIARY_ERASED', {
        detail: `Beneficiary ${beneficiaryId} was erased`,
      });
    }
    return entry;
  }

  private find(em: EntityManager, beneficiaryId: string): Promise<RosterBeneficiaryEntity | null> {
    return em.getRepository(RosterBeneficiaryEntity).findOneBy({ beneficiaryId });
  }

  // The roster follows registration's events: a beneficiary registered a moment ago may be missing.
  private notFound(beneficiaryId: string): RosterError {
    return new RosterError(this.options.service, 'ROSTER_BENEFICIARY_NOT_FOUND', {
      detail: `Beneficiary ${beneficiaryId} is not in the roster`,
    });
  }
}
