import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class BeneficiaryIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Beneficiary id' })
  @IsUUID()
  readonly id: string;
}

export class ConsentParamsDto extends BeneficiaryIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Consent id' })
  @IsUUID()
  readonly consentId: string;
}
