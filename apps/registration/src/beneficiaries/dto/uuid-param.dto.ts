import { IsUUID } from 'class-validator';

export class UuidParamDto {
  @IsUUID()
  readonly id: string;
}
