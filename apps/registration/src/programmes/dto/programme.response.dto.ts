import { ApiProperty } from '@nestjs/swagger';
import { BENEFICIARY_CATEGORIES } from '@mrm/contracts';
import type { Page } from '@mrm/http';
import type { ProgrammeEntity } from '../programme.entity';

export class ProgrammeResponseDto {
  @ApiProperty({ example: '0193a3c4-5f1e-7d2a-9b8c-1234567890ab' }) readonly id: string;
  @ApiProperty({ example: 'FORAS' }) readonly code: string;
  @ApiProperty({ example: 'FORAS: reintegration of returning migrants' }) readonly name: string;
  @ApiProperty({ example: 'Germany (BMZ)' }) readonly donor: string;
  @ApiProperty({ example: 'IOM' }) readonly implementingOrg: string;
  @ApiProperty({ example: '2018-01-01' }) readonly startsOn: string;
  @ApiProperty({ example: '2020-12-31', nullable: true, type: String })
  readonly endsOn: string | null;
  @ApiProperty({ enum: BENEFICIARY_CATEGORIES, isArray: true, example: ['returning-moroccan'] })
  readonly targetCategories: string[];
  @ApiProperty({ example: '2026-01-15T09:30:00.000Z' }) readonly createdAt: string;
  @ApiProperty({ example: '2026-01-15T09:30:00.000Z' }) readonly updatedAt: string;
}

export class ProgrammePageResponseDto {
  @ApiProperty({ type: [ProgrammeResponseDto] }) readonly items: ProgrammeResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  readonly nextCursor: string | null;
}

/** Copies whitelisted fields only. */
export function toProgrammeResponse(entity: ProgrammeEntity): ProgrammeResponseDto {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    donor: entity.donor,
    implementingOrg: entity.implementingOrg,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    targetCategories: [...entity.targetCategories],
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function toProgrammePageResponse(page: Page<ProgrammeEntity>): ProgrammePageResponseDto {
  return { items: page.items.map(toProgrammeResponse), nextCursor: page.nextCursor };
}
