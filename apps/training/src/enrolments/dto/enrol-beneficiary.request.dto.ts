import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class EnrolBeneficiaryRequestDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Roster reference of the beneficiary; a merged id enrols the surviving record',
  })
  @IsUUID()
  readonly beneficiaryId: string;
}
