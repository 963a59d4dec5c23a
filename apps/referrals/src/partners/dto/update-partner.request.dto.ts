import { OmitType, PartialType } from '@nestjs/swagger';
import { CreatePartnerRequestDto } from './create-partner.request.dto';

/**
 * Every field but the code, which is the institution's identity on the bus.
 * A field left out stays as it is; null is checked by the field's rules like any value (so
 * refused), where `PartialType` would let it through to a NOT NULL column.
 */
export class UpdatePartnerRequestDto extends PartialType(
  OmitType(CreatePartnerRequestDto, ['code'] as const),
  { skipNullProperties: false },
) {}
