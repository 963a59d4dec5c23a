import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MatchElsewhereDto } from '../../match-reviews/dto/match-review.dto';
import {
  IMPORT_ROW_STATUSES,
  type ImportCandidate,
  type ImportReport,
  type ImportRowError,
  type ImportRowResult,
  type ImportRowStatus,
  type ImportTotals,
} from '../import-report';

export class ImportRowErrorDto implements ImportRowError {
  @ApiProperty({ example: 'phone', description: 'Field of POST /api/v1/beneficiaries' })
  readonly field: string;

  @ApiPropertyOptional({ example: 'telephone', description: 'Header of the file column' })
  readonly column?: string;

  @ApiProperty({ example: 'phone must be a valid phone number in international E.164 form' })
  readonly message: string;
}

export class ImportCandidateDto implements ImportCandidate {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'MA-2026-000042' }) readonly reference: string;
  @ApiProperty({ example: ['document'] }) readonly reasons: string[];
}

export class ImportRowResultDto implements ImportRowResult {
  @ApiProperty({ example: 1, description: '1-based data row number (below the header)' })
  readonly row: number;

  @ApiProperty({ enum: IMPORT_ROW_STATUSES })
  readonly status: ImportRowStatus;

  @ApiPropertyOptional({ format: 'uuid' }) readonly beneficiaryId?: string;
  @ApiPropertyOptional({ example: 'MA-2026-000043' }) readonly reference?: string;
  @ApiPropertyOptional({ type: [ImportRowErrorDto] }) readonly errors?: ImportRowErrorDto[];
  @ApiPropertyOptional({ type: [ImportCandidateDto] }) readonly candidates?: ImportCandidateDto[];
  @ApiPropertyOptional({
    type: MatchElsewhereDto,
    description: 'Another institution registered a matching person: only a review id is given',
  })
  readonly elsewhere?: MatchElsewhereDto;
}

export class ImportTotalsDto implements ImportTotals {
  @ApiProperty() readonly rows: number;
  @ApiProperty() readonly created: number;
  @ApiProperty() readonly wouldCreate: number;
  @ApiProperty() readonly alreadyImported: number;
  @ApiProperty() readonly invalid: number;
  @ApiProperty() readonly probableDuplicates: number;
}

export class ImportReportDto implements ImportReport {
  @ApiProperty({ format: 'uuid', description: 'Also the resource id of the `import` audit entry' })
  readonly importId: string;

  @ApiProperty() readonly dryRun: boolean;
  @ApiProperty({ type: ImportTotalsDto }) readonly totals: ImportTotalsDto;
  @ApiProperty({ type: [ImportRowResultDto] }) readonly rows: ImportRowResultDto[];
}
