import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SessionIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Session id' })
  @IsUUID()
  readonly id: string;
}
