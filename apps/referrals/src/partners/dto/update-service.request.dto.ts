import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateServiceRequestDto } from './create-service.request.dto';

/**
 * Every field but the partner; nested objects replace the stored ones whole.
 * A field left out stays as it is; null is checked by the field's rules like any value (so
 * refused), where `PartialType` would let it through to a NOT NULL column.
 */
export class UpdateServiceRequestDto extends PartialType(
  OmitType(CreateServiceRequestDto, ['partnerId'] as const),
  { skipNullProperties: false },
) {}
