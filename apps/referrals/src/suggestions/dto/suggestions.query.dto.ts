import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_TYPES, type ServiceType } from '@mrm/contracts';
import { IsIn, IsUUID } from 'class-validator';

export class SuggestionsQueryDto {
  @ApiProperty({ format: 'uuid', description: 'Roster id of the person to refer' })
  @IsUUID()
  readonly beneficiaryId: string;

  @ApiProperty({ enum: SERVICE_TYPES, example: 'employment' })
  @IsIn(SERVICE_TYPES)
  readonly serviceType: ServiceType;
}
