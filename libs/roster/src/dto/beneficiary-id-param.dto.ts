import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class BeneficiaryIdParamDto {
  @ApiProperty({ format: 'uuid', description: "Registration's pseudonymous beneficiary id" })
  @IsUUID()
  readonly beneficiaryId: string;
}
