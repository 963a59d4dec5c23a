import { IsUUID } from 'class-validator';

export class BeneficiaryIdParamDto {
  @IsUUID()
  readonly beneficiaryId: string;
}
