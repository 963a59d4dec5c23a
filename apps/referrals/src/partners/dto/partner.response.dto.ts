import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_KINDS, type PartnerKind } from '@mrm/contracts';
import type { Page } from '@mrm/http';
import type { PartnerEntity } from '../partner.entity';

export class PartnerNamesResponseDto {
  @ApiProperty() readonly fr: string;
  @ApiProperty({ nullable: true, type: String }) readonly ar: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly en: string | null;
}

export class PartnerResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'ANAPEC' }) readonly code: string;
  @ApiProperty({ type: PartnerNamesResponseDto }) readonly names: PartnerNamesResponseDto;
  @ApiProperty({ enum: PARTNER_KINDS }) readonly kind: PartnerKind;
  @ApiProperty({ nullable: true, type: String }) readonly description: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly website: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly email: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly phone: string | null;
  @ApiProperty() readonly active: boolean;
  @ApiProperty({ example: 1, description: 'Also the ETag' }) readonly version: number;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt: string;
}

export class PartnerPageResponseDto {
  @ApiProperty({ type: [PartnerResponseDto] }) readonly items: PartnerResponseDto[];
  @ApiProperty({ nullable: true, type: String }) readonly nextCursor: string | null;
}

export function toPartnerResponse(entity: PartnerEntity): PartnerResponseDto {
  return {
    id: entity.id,
    code: entity.code,
    names: { fr: entity.nameFr, ar: entity.nameAr, en: entity.nameEn },
    kind: entity.kind as PartnerKind,
    description: entity.description,
    website: entity.website,
    email: entity.email,
    phone: entity.phone,
    active: entity.active,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function toPartnerPageResponse(page: Page<PartnerEntity>): PartnerPageResponseDto {
  return { items: page.items.map(toPartnerResponse), nextCursor: page.nextCursor };
}
