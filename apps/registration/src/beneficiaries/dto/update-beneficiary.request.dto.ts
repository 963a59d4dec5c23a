import { OmitType, PartialType } from '@nestjs/swagger';
import { RegisterBeneficiaryRequestDto } from './register-beneficiary.request.dto';

/**
 * PATCH body: any field of the registration. `null` clears an optional field (phone, Arabic
 * names, address, countries, education, programme); `documents`, `links`, `languages`,
 * `vulnerabilities`, `skills` and `occupations` are replaced as a whole.
 */
export class UpdateBeneficiaryRequestDto extends PartialType(
  OmitType(RegisterBeneficiaryRequestDto, ['duplicateOverride'] as const),
) {}
