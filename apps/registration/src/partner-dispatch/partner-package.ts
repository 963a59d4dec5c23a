import { CompactEncrypt, importJWK, type JWK, type KeyLike } from 'jose';
import {
  toReferredBeneficiaryResponse,
  type ReferredBeneficiaryResponseDto,
} from '../referral-access/dto/referred-beneficiary.response.dto';
import type { BeneficiaryView } from '../beneficiaries/dto/beneficiary.response.dto';

const ALG = 'RSA-OAEP-256';
const ENC = 'A256GCM';

/** The consented fields of a person, as a partner system receives them once decrypted. */
export type PartnerPersonalFields = Omit<ReferredBeneficiaryResponseDto, 'referralIds'>;

/** The fields of the shared categories only: the same cut as the referred-beneficiary read. */
export function consentedFields(
  view: BeneficiaryView,
  categories: string[],
  referralId: string,
): PartnerPersonalFields {
  const { referralIds: _referralIds, ...fields } = toReferredBeneficiaryResponse({
    view,
    dataCategories: categories,
    referralIds: [referralId],
  });
  return fields;
}

/**
 * A compact JWE (RSA-OAEP-256 key wrap, A256GCM content) of `fields` to the partner's public key;
 * `kid` names the key version so the partner knows which private key opens it.
 */
export async function sealForPartner(
  fields: PartnerPersonalFields,
  publicJwk: string,
  keyVersion: number,
): Promise<string> {
  const key = (await importJWK(JSON.parse(publicJwk) as JWK, ALG)) as KeyLike;
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(fields)))
    .setProtectedHeader({ alg: ALG, enc: ENC, kid: String(keyVersion), cty: 'json' })
    .encrypt(key);
}
