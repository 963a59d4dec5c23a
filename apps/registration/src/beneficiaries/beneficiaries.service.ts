import { Injectable } from '@nestjs/common';
import { beneficiaryRegisteredV1, uuidv7 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { DataSource } from 'typeorm';
import { BeneficiaryEntity } from './beneficiary.entity';
import { BeneficiaryError } from './beneficiary.errors';
import type { RegisterBeneficiaryRequestDto } from './dto/register-beneficiary.request.dto';

@Injectable()
export class BeneficiariesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Stores the beneficiary and its `beneficiary.registered.v1` event in one transaction. */
  async register(input: { request: RegisterBeneficiaryRequestDto; ownerOrg: string }): Promise<BeneficiaryEntity> {
    const { request, ownerOrg } = input;
    if (new Date(request.birthDate) > new Date()) {
      throw new BeneficiaryError('BIRTH_DATE_IN_FUTURE', { violations: [{ field: 'birthDate', message: 'must not be in the future' }] });
    }
    return this.dataSource.transaction(async (em) => {
      const [{ next }] = await em.query(`SELECT nextval('beneficiary_reference_seq') AS next`);
      const now = new Date();
      const beneficiary = em.create(BeneficiaryEntity, {
        id: uuidv7(),
        reference: `MA-${now.getUTCFullYear()}-${String(next).padStart(6, '0')}`,
        ownerOrg,
        category: request.category,
        sex: request.sex,
        birthDate: request.birthDate,
        birthYear: Number(request.birthDate.slice(0, 4)),
        nationality: request.nationality,
        regionCode: request.regionCode,
        programmeCode: request.programmeCode ?? null,
      });
      const saved = await em.save(beneficiary);
      await this.outbox.append(
        em,
        beneficiaryRegisteredV1,
        {
          beneficiaryId: saved.id,
          reference: saved.reference,
          ownerOrg: saved.ownerOrg,
          category: saved.category,
          sex: saved.sex,
          birthYear: saved.birthYear,
          nationality: saved.nationality,
          regionCode: saved.regionCode,
          ...(saved.programmeCode ? { programmeCode: saved.programmeCode } : {}),
          version: saved.version,
          registeredAt: saved.createdAt.toISOString(),
        },
        { subject: saved.id },
      );
      return saved;
    });
  }

  async get(id: string): Promise<BeneficiaryEntity> {
    const found = await this.dataSource.getRepository(BeneficiaryEntity).findOneBy({ id });
    if (!found) throw new BeneficiaryError('BENEFICIARY_NOT_FOUND');
    return found;
  }
}
