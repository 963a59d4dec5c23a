import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { BENEFICIARY_CATEGORIES, SEXES } from '../reference/beneficiary-categories';
import { REGION_CODES } from '../reference/regions';

/**
 * The non-identifying dimensions that other services and reporting need about a beneficiary.
 * Never a name, contact or document number (ARCHITECTURE.md §3).
 */
export class BeneficiaryDimensions {
  /** Pseudonymous beneficiary id (UUID). */
  @IsString() @Matches(/^[0-9a-f-]{36}$/) readonly beneficiaryId: string;
  /** Institution code of the owning institution, e.g. `IOM`. */
  @IsString() @Matches(/^[A-Z0-9-]{2,32}$/) readonly ownerOrg: string;
  /** One of the five beneficiary categories. */
  @IsIn(BENEFICIARY_CATEGORIES) readonly category: string;
  /** `female` or `male`. */
  @IsIn(SEXES) readonly sex: string;
  /** Year of birth (exact or estimated). */
  @IsInt() @Min(1900) @Max(2100) readonly birthYear: number;
  /** Nationality, ISO 3166-1 alpha-2. */
  @Matches(/^[A-Z]{2}$/) readonly nationality: string;
  /** Region code 01..12 of the current address. */
  @IsIn(REGION_CODES) readonly regionCode: string;
  /** Programme code the beneficiary was registered under, if any. */
  @IsOptional() @IsString() readonly programmeCode?: string;
  /** Aggregate version, incremented on every change; consumers keep the highest. */
  @IsInt() @Min(1) readonly version: number;
}
