import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class BeneficiaryIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Beneficiary id' })
  @IsUUID()
  readonly id: string;
}

export class EnrolmentParamsDto extends BeneficiaryIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Enrolment id' })
  @IsUUID()
  readonly enrolmentId: string;
}
