import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CERTIFICATE_LANGUAGES } from '../certificate-pdf';

export class CertificateQueryDto {
  @ApiPropertyOptional({ enum: CERTIFICATE_LANGUAGES, default: 'fr' })
  @IsOptional()
  @IsIn(CERTIFICATE_LANGUAGES)
  readonly lang?: (typeof CERTIFICATE_LANGUAGES)[number];
}
