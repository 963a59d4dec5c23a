import type { EntityManager } from 'typeorm';
import type { BeneficiaryEntity } from './beneficiary.entity';
import type { SearchKey } from './search-keys.service';

/** The columns a registration writes; the others keep their defaults (null, or now()). */
export type NewBeneficiaryRow = Pick<
  BeneficiaryEntity,
  | 'id'
  | 'ownerOrg'
  | 'createdBy'
  | 'status'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'category'
  | 'sex'
  | 'birthDate'
  | 'birthYear'
  | 'birthYearEstimated'
  | 'nationality'
  | 'countryOfOrigin'
  | 'returnCountry'
  | 'languages'
  | 'regionCode'
  | 'programmeCode'
  | 'educationLevel'
  | 'skills'
  | 'occupations'
  | 'namesEnc'
  | 'phoneEnc'
  | 'addressEnc'
  | 'documentsEnc'
  | 'vulnerabilitiesEnc'
>;

// The row, numbered `MA-<year>-<6+ digits>` from the sequence ($1 is the year), and its search
// keys in the same statement. lpad() would truncate a longer number, hence greatest().
const INSERT_BENEFICIARY_SQL = `WITH inserted AS (
  INSERT INTO beneficiary (reference, id, owner_org, created_by, status, version, created_at,
    updated_at, category, sex, birth_date, birth_year, birth_year_estimated, nationality,
    country_of_origin, return_country, languages, region_code, programme_code, education_level,
    skills, occupations, names_enc, phone_enc, address_enc, documents_enc, vulnerabilities_enc)
  SELECT 'MA-' || $1::int || '-' || lpad(n::text, greatest(6, length(n::text)), '0'),
    $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
    $22, $23, $24, $25, $26, $27
  FROM nextval('beneficiary_reference_seq') AS n
  RETURNING id, reference
), keys AS (
  INSERT INTO beneficiary_search_key (beneficiary_id, kind, hash)
  SELECT inserted.id, k.kind, k.hash
  FROM inserted, unnest($28::text[], $29::text[]) AS k(kind, hash)
  ON CONFLICT DO NOTHING
)
SELECT reference FROM inserted`;

/**
 * Inserts a new beneficiary and its search keys, numbering its reference for `year`; returns the
 * reference. Inside the caller's transaction.
 */
export async function insertBeneficiary(
  em: EntityManager,
  input: { row: NewBeneficiaryRow; year: number; searchKeys: readonly SearchKey[] },
): Promise<string> {
  const { row, searchKeys } = input;
  const [inserted] = await em.query<Array<{ reference: string }>>(INSERT_BENEFICIARY_SQL, [
    input.year,
    row.id,
    row.ownerOrg,
    row.createdBy,
    row.status,
    row.version,
    row.createdAt,
    row.updatedAt,
    row.category,
    row.sex,
    row.birthDate,
    row.birthYear,
    row.birthYearEstimated,
    row.nationality,
    row.countryOfOrigin,
    row.returnCountry,
    row.languages,
    row.regionCode,
    row.programmeCode,
    row.educationLevel,
    row.skills,
    row.occupations,
    row.namesEnc,
    row.phoneEnc,
    row.addressEnc,
    row.documentsEnc,
    row.vulnerabilitiesEnc,
    searchKeys.map((key) => key.kind),
    searchKeys.map((key) => key.hash),
  ]);
  return inserted.reference;
}
