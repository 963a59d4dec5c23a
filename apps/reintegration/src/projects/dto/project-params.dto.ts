import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProjectIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Project id' })
  @IsUUID()
  readonly id: string;
}

export class TrancheParamsDto extends ProjectIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Tranche id' })
  @IsUUID()
  readonly trancheId: string;
}
