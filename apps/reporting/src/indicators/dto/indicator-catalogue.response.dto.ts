import { ApiProperty } from '@nestjs/swagger';
import { DIMENSIONS, INDICATOR_UNITS, REPORT_SECTIONS } from '../indicator-catalogue';

export class LabelsDto {
  @ApiProperty({ example: 'Bénéficiaires enregistrés' }) readonly fr: string;
  @ApiProperty({ example: 'المستفيدون المسجلون' }) readonly ar: string;
  @ApiProperty({ example: 'Beneficiaries registered' }) readonly en: string;
}

export class DefinitionDto {
  @ApiProperty() readonly fr: string;
  @ApiProperty() readonly en: string;
}

export class IndicatorDefinitionDto {
  @ApiProperty({ example: 'beneficiaries-registered' }) readonly id: string;
  @ApiProperty({ type: LabelsDto }) readonly labels: LabelsDto;
  @ApiProperty({ type: DefinitionDto }) readonly definition: DefinitionDto;
  @ApiProperty({ enum: INDICATOR_UNITS }) readonly unit: string;
  @ApiProperty({ enum: DIMENSIONS, isArray: true }) readonly disaggregations: string[];
  @ApiProperty({ enum: REPORT_SECTIONS }) readonly section: string;
}

export class IndicatorCatalogueDto {
  @ApiProperty({ type: [IndicatorDefinitionDto] }) readonly indicators: IndicatorDefinitionDto[];
}
