import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@mrm/protection';
import type { BeneficiaryEntity } from './beneficiary.entity';
import type {
  BeneficiaryAddress,
  BeneficiaryNames,
  IdentityDocument,
  PersonalData,
} from './beneficiary-identity';

type EncryptedColumns = Pick<
  BeneficiaryEntity,
  'namesEnc' | 'phoneEnc' | 'addressEnc' | 'documentsEnc' | 'vulnerabilitiesEnc'
>;

// Also the AAD field name of the birth-date tokens written by the migration that encrypted them.
export const BIRTH_DATE_FIELD = 'birthDate';

/**
 * Encrypts and decrypts the personal columns of a beneficiary. Each token is bound to its row and
 * field (AAD `beneficiary:<id>:<field>`), so a token copied elsewhere does not decrypt.
 */
@Injectable()
export class BeneficiaryProtector {
  constructor(private readonly cipher: FieldCipher) {}

  seal(id: string, data: PersonalData): EncryptedColumns {
    const context = (field: string) => `beneficiary:${id}:${field}`;
    return {
      namesEnc: this.cipher.encryptJson(data.names, context('names')),
      phoneEnc: this.cipher.encrypt(data.phone, context('phone')),
      addressEnc: this.cipher.encryptJson(data.address, context('address')),
      documentsEnc:
        data.documents.length > 0
          ? this.cipher.encryptJson(data.documents, context('documents'))
          : null,
      vulnerabilitiesEnc:
        data.vulnerabilities.length > 0
          ? this.cipher.encryptJson(data.vulnerabilities, context('vulnerabilities'))
          : null,
    };
  }

  /** The exact birth date (`YYYY-MM-DD`) as stored in `birth_date_enc`; null stays null. */
  sealBirthDate(id: string, birthDate: string | null): string | null {
    return this.cipher.encrypt(birthDate, `beneficiary:${id}:${BIRTH_DATE_FIELD}`);
  }

  openBirthDate(entity: BeneficiaryEntity): string | null {
    return this.cipher.decrypt(entity.birthDateEnc, `beneficiary:${entity.id}:${BIRTH_DATE_FIELD}`);
  }

  open(entity: BeneficiaryEntity): PersonalData {
    const context = (field: string) => `beneficiary:${entity.id}:${field}`;
    return {
      names: this.cipher.decryptJson<BeneficiaryNames>(entity.namesEnc, context('names')),
      phone: this.cipher.decrypt(entity.phoneEnc, context('phone')),
      address: this.cipher.decryptJson<BeneficiaryAddress>(entity.addressEnc, context('address')),
      documents:
        this.cipher.decryptJson<IdentityDocument[]>(entity.documentsEnc, context('documents')) ??
        [],
      vulnerabilities:
        this.cipher.decryptJson<string[]>(entity.vulnerabilitiesEnc, context('vulnerabilities')) ??
        [],
    };
  }
}
