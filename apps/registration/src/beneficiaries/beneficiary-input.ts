import { resolveRegionCode } from '@mrm/contracts';
import type { FieldViolation } from '@mrm/errors';
import { BeneficiaryError } from './beneficiary.errors';
import type { BeneficiaryEntity } from './beneficiary.entity';
import type { BeneficiaryAddress, IdentityDocument, PersonalData } from './beneficiary-identity';
import { e164Of } from './dto/phone-number';
import type { RegisterBeneficiaryRequestDto } from './dto/register-beneficiary.request.dto';
import type { UpdateBeneficiaryRequestDto } from './dto/update-beneficiary.request.dto';

/** A beneficiary's registrable state, normalised: clear dimensions plus personal data. */
export interface BeneficiaryDraft {
  readonly category: string;
  readonly sex: string;
  readonly birthDate: string | null;
  readonly birthYear: number;
  readonly birthYearEstimated: boolean;
  readonly nationality: string;
  readonly countryOfOrigin: string | null;
  readonly returnCountry: string | null;
  readonly languages: string[];
  readonly regionCode: string;
  readonly programmeCode: string | null;
  readonly educationLevel: string | null;
  readonly skills: string[];
  readonly occupations: string[];
  readonly personal: PersonalData;
}

type Patch = {
  -readonly [K in keyof UpdateBeneficiaryRequestDto]?: UpdateBeneficiaryRequestDto[K] | null;
};

// Fields a PATCH may clear with null; the others are required for every beneficiary.
const CLEARABLE = new Set([
  'firstNameAr',
  'lastNameAr',
  'phone',
  'address',
  'countryOfOrigin',
  'returnCountry',
  'educationLevel',
  'programmeCode',
]);

/** Normalises a validated registration body. */
export function draftFromRequest(request: RegisterBeneficiaryRequestDto): BeneficiaryDraft {
  return {
    category: request.category,
    sex: request.sex,
    ...birthOf(request),
    nationality: request.nationality,
    countryOfOrigin: request.countryOfOrigin ?? null,
    returnCountry: request.returnCountry ?? null,
    languages: [...(request.languages ?? [])],
    regionCode: resolveRegionCode(request.regionCode) ?? request.regionCode,
    programmeCode: request.programmeCode ?? null,
    educationLevel: request.educationLevel ?? null,
    skills: cleanList(request.skills),
    occupations: cleanList(request.occupations),
    personal: {
      names: {
        firstName: cleanName(request.firstName),
        lastName: cleanName(request.lastName),
        ...(request.firstNameAr ? { firstNameAr: cleanName(request.firstNameAr) } : {}),
        ...(request.lastNameAr ? { lastNameAr: cleanName(request.lastNameAr) } : {}),
      },
      phone: request.phone ? e164Of(request, 'phone', request.phone) : null,
      address: addressOf(request.address),
      documents: (request.documents ?? []).map(documentOf),
      vulnerabilities: [...(request.vulnerabilities ?? [])].sort(),
    },
  };
}

/**
 * The registrable fields of a beneficiary row outside its personal data: the clear dimensions and
 * the exact birth date, which the caller decrypted (`BeneficiaryProtector.openBirthDate`).
 */
export function clearFieldsOf(
  entity: BeneficiaryEntity,
  birthDate: string | null,
): Omit<BeneficiaryDraft, 'personal'> {
  return {
    category: entity.category,
    sex: entity.sex,
    birthDate,
    birthYear: entity.birthYear,
    birthYearEstimated: entity.birthYearEstimated,
    nationality: entity.nationality,
    countryOfOrigin: entity.countryOfOrigin,
    returnCountry: entity.returnCountry,
    languages: entity.languages,
    regionCode: entity.regionCode,
    programmeCode: entity.programmeCode,
    educationLevel: entity.educationLevel,
    skills: entity.skills,
    occupations: entity.occupations,
  };
}

/** The current state of a stored beneficiary, its personal data decrypted by the caller. */
export function draftOfEntity(
  entity: BeneficiaryEntity,
  personal: PersonalData,
  birthDate: string | null,
): BeneficiaryDraft {
  return { ...clearFieldsOf(entity, birthDate), personal };
}

/**
 * Applies a validated PATCH body to the current state. Absent fields stay; `null` clears the
 * clearable ones and is refused for the others (400 listing them).
 */
export function applyPatch(current: BeneficiaryDraft, patch: Patch): BeneficiaryDraft {
  const violations: FieldViolation[] = Object.entries(patch)
    .filter(([field, value]) => value === null && !CLEARABLE.has(field))
    .map(([field]) => ({ field, message: `${field} cannot be removed` }));
  if (violations.length > 0) {
    throw new BeneficiaryError('BENEFICIARY_INVALID', {
      detail: 'One or more fields are invalid',
      violations,
    });
  }
  const names = current.personal.names;
  const merged = {
    firstName: patch.firstName ?? names?.firstName ?? '',
    lastName: patch.lastName ?? names?.lastName ?? '',
    firstNameAr: patch.firstNameAr === undefined ? names?.firstNameAr : patch.firstNameAr,
    lastNameAr: patch.lastNameAr === undefined ? names?.lastNameAr : patch.lastNameAr,
  };
  const pick = <T>(value: T | null | undefined, fallback: T | null): T | null =>
    value === undefined ? fallback : value;
  const birth =
    patch.birthDate !== undefined || patch.birthYear !== undefined ? birthOf(patch) : current;
  return draftFromRequest({
    category: patch.category ?? current.category,
    sex: patch.sex ?? current.sex,
    birthDate: birth.birthDate ?? undefined,
    birthYear: birth.birthDate ? undefined : birth.birthYear,
    birthYearEstimated: patch.birthYearEstimated ?? birth.birthYearEstimated,
    nationality: patch.nationality ?? current.nationality,
    countryOfOrigin: pick(patch.countryOfOrigin, current.countryOfOrigin) ?? undefined,
    returnCountry: pick(patch.returnCountry, current.returnCountry) ?? undefined,
    languages: patch.languages ?? current.languages,
    regionCode: patch.regionCode ?? current.regionCode,
    programmeCode: pick(patch.programmeCode, current.programmeCode) ?? undefined,
    educationLevel: pick(patch.educationLevel, current.educationLevel) ?? undefined,
    skills: patch.skills ?? current.skills,
    occupations: patch.occupations ?? current.occupations,
    firstName: merged.firstName,
    lastName: merged.lastName,
    firstNameAr: merged.firstNameAr ?? undefined,
    lastNameAr: merged.lastNameAr ?? undefined,
    phone: pick(patch.phone, current.personal.phone) ?? undefined,
    address: pick(patch.address, current.personal.address) ?? undefined,
    documents: patch.documents ?? [...current.personal.documents],
    vulnerabilities: patch.vulnerabilities ?? [...current.personal.vulnerabilities],
  });
}

function birthOf(input: {
  birthDate?: string | null;
  birthYear?: number | null;
  birthYearEstimated?: boolean | null;
}) {
  if (input.birthDate) {
    return {
      birthDate: input.birthDate,
      birthYear: Number(input.birthDate.slice(0, 4)),
      birthYearEstimated: false,
    };
  }
  // A year without a date is an estimate unless the caller says otherwise.
  return {
    birthDate: null,
    birthYear: input.birthYear ?? 0,
    birthYearEstimated: input.birthYearEstimated ?? true,
  };
}

function cleanName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

function cleanList(values: readonly string[] | undefined): string[] {
  return [
    ...new Set((values ?? []).map((value) => value.trim()).filter((value) => value.length > 0)),
  ];
}

function addressOf(address: BeneficiaryAddress | undefined): BeneficiaryAddress | null {
  if (!address) return null;
  const entries = Object.entries(address).flatMap(([key, value]) =>
    typeof value === 'string' && value.trim() !== '' ? [[key, value.trim()] as const] : [],
  );
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

function documentOf(document: IdentityDocument): IdentityDocument {
  return {
    type: document.type,
    number: document.number.trim().toUpperCase(),
    issuingCountry: document.issuingCountry,
  };
}
