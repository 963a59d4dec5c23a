import { OmitType, PartialType } from '@nestjs/swagger';
import { CreatePartnerRequestDto } from './create-partner.request.dto';

/** Every field but the code, which is the institution's identity on the bus. */
export class UpdatePartnerRequestDto extends PartialType(
  OmitType(CreatePartnerRequestDto, ['code'] as const),
) {}
