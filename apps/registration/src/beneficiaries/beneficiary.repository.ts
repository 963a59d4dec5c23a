import { OUTBOX_CHANNEL, type OutboxRowValues } from '@mrm/messaging';
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
  | 'birthDateEnc'
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

// One statement, atomic by itself: the row, numbered `MA-<year>-<6+ digits>` from the sequence
// ($1 is the year; lpad() alone would truncate a longer number), its search keys, its audit entry,
// and its outbox row with the reference set in the event, then the NOTIFY that wakes the relay.
const INSERT_REGISTRATION_SQL = `WITH inserted AS (
  INSERT INTO beneficiary (reference, id, owner_org, created_by, status, version, created_at,
    updated_at, category, sex, birth_date_enc, birth_year, birth_year_estimated, nationality,
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
), audited AS (
  INSERT INTO audit_entry (id, at, actor_sub, actor_org, actor_roles, action, resource_type,
    resource_ids, reason, correlation_id, details)
  VALUES ($30, now(), $31, $32, $33, $34, $35, $36::uuid[], $37, $38, $39)
), appended AS (
  INSERT INTO outbox_message (id, type, subject, payload, occurred_at)
  SELECT $40, $41, $42, jsonb_set($43::jsonb, '{data,reference}', to_jsonb(inserted.reference)), $44
  FROM inserted
  RETURNING id
)
SELECT inserted.reference, pg_notify($45, appended.id::text) FROM inserted, appended`;

/**
 * Registers a new beneficiary in one statement: the row, its reference number for `year`, its
 * search keys, its audit entry (`AuditService.entryValues`) and its outbox row (`OutboxWriter.row`,
 * without the reference, which is set from the row). Returns the reference.
 */
export async function insertRegistration(
  em: EntityManager,
  input: {
    row: NewBeneficiaryRow;
    year: number;
    searchKeys: readonly SearchKey[];
    auditEntry: readonly unknown[];
    event: OutboxRowValues;
  },
): Promise<string> {
  const { searchKeys, event } = input;
  const [inserted] = await em.query<Array<{ reference: string }>>(INSERT_REGISTRATION_SQL, [
    input.year,
    ...rowValues(input.row),
    searchKeys.map((key) => key.kind),
    searchKeys.map((key) => key.hash),
    ...input.auditEntry,
    event.id,
    event.type,
    event.subject,
    event.payload,
    event.occurredAt,
    OUTBOX_CHANNEL,
  ]);
  return inserted.reference;
}

// $2…$27 of the INSERT, in its column order.
function rowValues(row: NewBeneficiaryRow): unknown[] {
  return [
    row.id,
    row.ownerOrg,
    row.createdBy,
    row.status,
    row.version,
    row.createdAt,
    row.updatedAt,
    row.category,
    row.sex,
    row.birthDateEnc,
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
  ];
}
