import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateServiceRequestDto } from './create-service.request.dto';

/** Every field but the partner; nested objects replace the stored ones whole. */
export class UpdateServiceRequestDto extends PartialType(
  OmitType(CreateServiceRequestDto, ['partnerId'] as const),
) {}
