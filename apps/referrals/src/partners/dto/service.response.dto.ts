import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_TYPES, type ServiceType } from '@mrm/contracts';
import type { Page } from '@mrm/http';
import type { PartnerServiceEntity } from '../partner-service.entity';

export class ServiceLocationResponseDto {
  @ApiProperty() readonly name: string;
  @ApiProperty() readonly regionCode: string;
  @ApiProperty({ required: false }) readonly city?: string;
}

export class ServiceEligibilityResponseDto {
  @ApiProperty({ type: [String] }) readonly categories: string[];
  @ApiProperty({ type: [String] }) readonly sexes: string[];
  @ApiProperty({ nullable: true, type: Number }) readonly minAge: number | null;
  @ApiProperty({ nullable: true, type: Number }) readonly maxAge: number | null;
  @ApiProperty({ type: [String] }) readonly nationalities: string[];
}

export class ServiceCapacityResponseDto {
  @ApiProperty({ nullable: true, type: Number }) readonly placesPerMonth: number | null;
  @ApiProperty() readonly currentLoad: number;
}

export class ServiceContactResponseDto {
  @ApiProperty({ nullable: true, type: String }) readonly email: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly phone: string | null;
}

export class ServiceResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly partnerId: string;
  @ApiProperty({ enum: SERVICE_TYPES }) readonly type: ServiceType;
  @ApiProperty() readonly name: string;
  @ApiProperty({ nullable: true, type: String }) readonly description: string | null;
  @ApiProperty({ type: [String] }) readonly regionCodes: string[];
  @ApiProperty({ type: [ServiceLocationResponseDto] })
  readonly locations: ServiceLocationResponseDto[];
  @ApiProperty({ type: ServiceEligibilityResponseDto })
  readonly eligibility: ServiceEligibilityResponseDto;
  @ApiProperty({ type: [String] }) readonly languages: string[];
  @ApiProperty({ type: ServiceCapacityResponseDto }) readonly capacity: ServiceCapacityResponseDto;
  @ApiProperty({ type: ServiceContactResponseDto }) readonly contact: ServiceContactResponseDto;
  @ApiProperty() readonly active: boolean;
  @ApiProperty({ description: 'Also the ETag' }) readonly version: number;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt: string;
}

export class ServicePageResponseDto {
  @ApiProperty({ type: [ServiceResponseDto] }) readonly items: ServiceResponseDto[];
  @ApiProperty({ nullable: true, type: String }) readonly nextCursor: string | null;
}

export function toServiceResponse(entity: PartnerServiceEntity): ServiceResponseDto {
  return {
    id: entity.id,
    partnerId: entity.partnerId,
    type: entity.serviceType as ServiceType,
    name: entity.name,
    description: entity.description,
    regionCodes: [...entity.regionCodes],
    locations: entity.locations.map((location) => ({ ...location })),
    eligibility: {
      categories: [...entity.eligibleCategories],
      sexes: [...entity.eligibleSexes],
      minAge: entity.minAge,
      maxAge: entity.maxAge,
      nationalities: [...entity.eligibleNationalities],
    },
    languages: [...entity.languages],
    capacity: { placesPerMonth: entity.placesPerMonth, currentLoad: entity.currentLoad },
    contact: { email: entity.contactEmail, phone: entity.contactPhone },
    active: entity.active,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function toServicePageResponse(page: Page<PartnerServiceEntity>): ServicePageResponseDto {
  return { items: page.items.map(toServiceResponse), nextCursor: page.nextCursor };
}
