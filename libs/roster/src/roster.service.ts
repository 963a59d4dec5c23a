import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RosterBeneficiaryEntity } from './roster-beneficiary.entity';
import { RosterError } from './roster.errors';
import { ROSTER_OPTIONS } from './roster.options';
import type { RosterOptions } from './roster.options';

@Injectable()
export class RosterService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ROSTER_OPTIONS) private readonly options: RosterOptions,
  ) {}

  // The roster follows registration's events: a beneficiary registered a moment ago may be missing.
  async get(beneficiaryId: string): Promise<RosterBeneficiaryEntity> {
    const found = await this.dataSource
      .getRepository(RosterBeneficiaryEntity)
      .findOneBy({ beneficiaryId });
    if (!found) throw new RosterError(this.options.service, 'ROSTER_BENEFICIARY_NOT_FOUND');
    return found;
  }
}
