import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class DuplicateIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Duplicate candidate (pair) id' })
  @IsUUID()
  readonly id: string;
}

export class DismissDuplicateRequestDto {
  @ApiProperty({ example: 'Checked with both case workers: two sisters, same phone' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  readonly reason: string;
}

export class MergeDuplicateRequestDto extends DismissDuplicateRequestDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The record that survives: one of the pair; the other is merged into it',
  })
  @IsUUID()
  readonly survivorId: string;
}
