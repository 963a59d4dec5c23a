import { DomainError, type FieldViolation } from '@mrm/errors';
import { createValidationPipe } from '@mrm/http';
import { RegisterBeneficiaryRequestDto } from '../beneficiaries/dto/register-beneficiary.request.dto';

// The API's own pipe and DTO (whitelist, unknown fields refused, transform): a row passes exactly
// when the same body would pass `POST /api/v1/beneficiaries`.
const pipe = createValidationPipe();

export type RegistrationCheck =
  | { readonly request: RegisterBeneficiaryRequestDto }
  | { readonly violations: readonly FieldViolation[] };

export async function validateRegistration(
  body: Record<string, unknown>,
): Promise<RegistrationCheck> {
  try {
    const request = (await pipe.transform(body, {
      type: 'body',
      metatype: RegisterBeneficiaryRequestDto,
    })) as RegisterBeneficiaryRequestDto;
    return { request };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
      return { violations: error.violations };
    }
    throw error;
  }
}
