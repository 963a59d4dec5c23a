import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFICIARY_CATEGORIES } from '@mrm/contracts';
import { PageQueryDto } from '@mrm/http';
import {
  Allow,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  IsOptional,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../../programmes/dto/calendar-date';
import { DOCUMENT_TYPES } from '../beneficiary-identity';
import { IsE164Phone, IsRegion } from './validators';

export const BENEFICIARY_STATUSES = ['registered', 'active', 'closed'] as const;
const withDocument = (query: SearchBeneficiariesRequestDto) =>
  query.documentType !== undefined || query.documentNumber !== undefined;

/** The identity filters: personal data, so never in a URL (issue 18). */
export const IDENTITY_FILTERS = ['documentType', 'documentNumber', 'phone', 'name'] as const;

/** Filters of the beneficiary list on clear dimensions; all combine (AND). */
export class ListBeneficiariesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'FORAS', description: 'Programme code registered under' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'programme must be an upper-case programme code' })
  readonly programme?: string;

  @ApiPropertyOptional({ example: '05', description: 'Region code or name' })
  @IsOptional()
  @IsRegion()
  readonly region?: string;

  @ApiPropertyOptional({ enum: BENEFICIARY_CATEGORIES })
  @IsOptional()
  @IsIn(BENEFICIARY_CATEGORIES)
  readonly category?: string;

  @ApiPropertyOptional({ enum: BENEFICIARY_STATUSES })
  @IsOptional()
  @IsIn(BENEFICIARY_STATUSES)
  readonly status?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Registered on or after (UTC date)' })
  @IsOptional()
  // A real day: PostgreSQL refuses 2026-02-30 at query time, which would be a 500.
  @IsCalendarDate()
  readonly registeredFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Registered on or before (UTC date)' })
  @IsOptional()
  @IsCalendarDate()
  readonly registeredTo?: string;
}

/**
 * The identity filters that `GET /beneficiaries` used to take: accepted here only to be answered
 * 410 (see the controller), so that a URL holding a name or a phone is refused by name.
 */
export class LegacyListBeneficiariesQueryDto extends ListBeneficiariesQueryDto {
  @ApiHideProperty() @Allow() readonly documentType?: unknown;
  @ApiHideProperty() @Allow() readonly documentNumber?: unknown;
  @ApiHideProperty() @Allow() readonly phone?: unknown;
  @ApiHideProperty() @Allow() readonly name?: unknown;
}

/**
 * The body of `POST /beneficiaries/search`: the list's filters plus exact phone and document and
 * name search; all combine (AND).
 */
export class SearchBeneficiariesRequestDto extends ListBeneficiariesQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES, description: 'With documentNumber: exact match' })
  @ValidateIf(withDocument)
  @IsIn(DOCUMENT_TYPES, {
    message: 'documentType must be one of $constraint1 (with documentNumber)',
  })
  readonly documentType?: string;

  @ApiPropertyOptional({
    example: 'AB123456',
    pattern: '^[A-Za-z0-9][A-Za-z0-9 .-]{0,31}$',
    description: 'With documentType: exact match',
  })
  @ValidateIf(withDocument)
  @IsString({ message: 'documentNumber is required with documentType' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 .-]{0,31}$/, {
    message: 'documentNumber must be letters and digits',
  })
  readonly documentNumber?: string;

  @ApiPropertyOptional({ example: '+212612345678', description: 'Exact match (E.164)' })
  @IsOptional()
  @IsE164Phone()
  readonly phone?: string;

  @ApiPropertyOptional({
    example: 'Mohamed El Amrani',
    description: 'Latin or Arabic script, any order',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  readonly name?: string;
}
