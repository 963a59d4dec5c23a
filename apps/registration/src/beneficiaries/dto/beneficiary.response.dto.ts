import { ApiProperty } from '@nestjs/swagger';
import type { BeneficiaryEntity } from '../beneficiary.entity';
import { CLOSURE_REASONS } from './status-change.request.dto';
import { clearFieldsOf } from '../beneficiary-input';
import type {
  BeneficiaryAddress,
  BeneficiaryNames,
  IdentityDocument,
  PersonalData,
} from '../beneficiary-identity';
import type { BeneficiaryLinkView } from '../beneficiary-links';
import {
  BeneficiaryAddressDto,
  BeneficiaryLinkViewDto,
  BeneficiaryNamesDto,
  IdentityDocumentViewDto,
} from './beneficiary-parts.response.dto';

export class BeneficiaryResponseDto {
  @ApiProperty() readonly id: string;
  @ApiProperty({ example: 'MA-2026-000123' }) readonly reference: string;
  @ApiProperty() readonly ownerOrg: string;
  @ApiProperty({ enum: ['registered', 'active', 'closed'] }) readonly status: string;
  @ApiProperty({ enum: [...CLOSURE_REASONS, null], nullable: true })
  readonly closureReason: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly mergedInto: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Set once the personal data was erased',
  })
  readonly erasedAt: string | null;
  @ApiProperty() readonly category: string;
  @ApiProperty() readonly sex: string;
  @ApiProperty({ type: String, nullable: true }) readonly birthDate: string | null;
  @ApiProperty({ type: 'integer' }) readonly birthYear: number;
  @ApiProperty() readonly birthYearEstimated: boolean;
  @ApiProperty() readonly nationality: string;
  @ApiProperty({ type: String, nullable: true }) readonly countryOfOrigin: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly returnCountry: string | null;
  @ApiProperty({ type: [String] }) readonly languages: string[];
  @ApiProperty() readonly regionCode: string;
  @ApiProperty({ type: String, nullable: true }) readonly programmeCode: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly educationLevel: string | null;
  @ApiProperty({ type: [String] }) readonly skills: string[];
  @ApiProperty({ type: [String] }) readonly occupations: string[];
  @ApiProperty({ type: BeneficiaryNamesDto, nullable: true, description: 'null once erased' })
  readonly names: BeneficiaryNames | null;
  @ApiProperty({ type: String, nullable: true }) readonly phone: string | null;
  @ApiProperty({ type: BeneficiaryAddressDto, nullable: true })
  readonly address: BeneficiaryAddress | null;
  @ApiProperty({ type: [IdentityDocumentViewDto] }) readonly documents: IdentityDocument[];
  @ApiProperty({ type: [String] }) readonly vulnerabilities: string[];
  @ApiProperty({ type: [BeneficiaryLinkViewDto] }) readonly links: BeneficiaryLinkView[];
  @ApiProperty({ type: 'integer' }) readonly version: number;
  @ApiProperty() readonly createdAt: string;
  @ApiProperty() readonly updatedAt: string;
}

/** What a read returns: the row, its decrypted personal data and its links. */
export interface BeneficiaryView {
  readonly entity: BeneficiaryEntity;
  readonly personal: PersonalData;
  /** The exact birth date, decrypted (null when only the year is known). */
  readonly birthDate: string | null;
  readonly links: BeneficiaryLinkView[];
}

/** Copies whitelisted fields only (never the encrypted columns). */
export function toBeneficiaryResponse(view: BeneficiaryView): BeneficiaryResponseDto {
  const { entity, personal } = view;
  return {
    id: entity.id,
    reference: entity.reference,
    ownerOrg: entity.ownerOrg,
    status: entity.status,
    // A row just inserted has no value yet for the columns it did not set.
    closureReason: entity.closureReason ?? null,
    closedAt: entity.closedAt?.toISOString() ?? null,
    mergedInto: entity.mergedInto ?? null,
    erasedAt: entity.erasedAt?.toISOString() ?? null,
    ...clearFieldsOf(entity, view.birthDate),
    names: personal.names,
    phone: personal.phone,
    address: personal.address,
    documents: [...personal.documents],
    vulnerabilities: [...personal.vulnerabilities],
    links: view.links,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
