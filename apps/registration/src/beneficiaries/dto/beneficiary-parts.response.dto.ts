import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_TYPES } from '../beneficiary-identity';
import { LINK_RELATIONS } from './beneficiary-parts.dto';

export class BeneficiaryNamesDto {
  @ApiProperty({ example: 'Fatima Zahra' }) readonly firstName: string;
  @ApiProperty({ example: 'El Amrani' }) readonly lastName: string;
  @ApiPropertyOptional({ example: 'فاطمة الزهراء' }) readonly firstNameAr?: string;
  @ApiPropertyOptional({ example: 'العمراني' }) readonly lastNameAr?: string;
}

export class BeneficiaryAddressDto {
  @ApiPropertyOptional({ example: '12 rue Tarik Ibn Ziad' }) readonly line?: string;
  @ApiPropertyOptional({ example: 'Khénifra' }) readonly province?: string;
  @ApiPropertyOptional({ example: 'Mrirt' }) readonly commune?: string;
}

export class IdentityDocumentViewDto {
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'CIN' }) readonly type: string;
  @ApiProperty({ example: 'AB123456' }) readonly number: string;
  @ApiProperty({ example: 'MA', description: 'ISO 3166-1 alpha-2' })
  readonly issuingCountry: string;
}

export class BeneficiaryLinkViewDto {
  @ApiProperty({ format: 'uuid' }) readonly beneficiaryId: string;
  @ApiProperty({ enum: ['household', 'group'] }) readonly kind: string;
  @ApiProperty({ enum: LINK_RELATIONS, description: 'What the linked person is to the one read' })
  readonly relation: string;
}
