import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
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
  /** Country of origin, ISO 3166-1 alpha-2, if known. */
  @IsOptional() @Matches(/^[A-Z]{2}$/) readonly countryOfOrigin?: string;
  /** Country the beneficiary returned from, ISO 3166-1 alpha-2, if any. */
  @IsOptional() @Matches(/^[A-Z]{2}$/) readonly returnCountry?: string;
  /** Languages spoken, ISO 639-1 codes (for training sessions and referrals). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2}$/, { each: true })
  readonly languages?: string[];
  /** Case status: `registered`, `active` or `closed`. */
  @IsOptional() @IsIn(['registered', 'active', 'closed']) readonly status?: string;
  /** Aggregate version, incremented on every change; consumers keep the highest. */
  @IsInt() @Min(1) readonly version: number;
}
