import { ProtectionError, ProtectionErrorCode } from './protection.errors';

const E164 = /^\+[1-9][0-9]{1,14}$/;
const DOCUMENT_TYPE = /^[A-Z][A-Z0-9_]{0,31}$/;
const DOCUMENT_NUMBER = /^[A-Z0-9]+$/;
// Whitespace, every Unicode dash (hyphen, en/em dash, minus sign…) and dots.
const DOCUMENT_SEPARATORS = /[\s\p{Pd}\u2212.]/gu;

/**
 * Canonical form of a phone number for its blind index: the E.164 number (validated upstream, e.g.
 * with libphonenumber-js) without the spaces a form or an import may have kept, such as
 * `+212 6 12 34 56 78` → `+212612345678`. Throws `INVALID_INPUT` when the result is not E.164.
 */
export function normalisePhoneE164(phone: string): string {
  const compact = typeof phone === 'string' ? phone.replace(/\s+/gu, '') : '';
  if (!E164.test(compact)) {
    throw new ProtectionError(
      ProtectionErrorCode.INVALID_INPUT,
      'The phone number is not in E.164 form',
    );
  }
  return compact;
}

/** Canonical document type (`cin` → `CIN`), as used in blind-index domains. */
export function normaliseDocumentType(type: string): string {
  const canonical = typeof type === 'string' ? type.trim().toUpperCase() : '';
  if (!DOCUMENT_TYPE.test(canonical)) {
    throw new ProtectionError(
      ProtectionErrorCode.INVALID_INPUT,
      'A document type is 1–32 characters of A–Z, 0–9 and _, starting with a letter',
    );
  }
  return canonical;
}

/**
 * Canonical form of an identity-document number for its blind index: upper case, without spaces,
 * dashes or dots (`ab-123.456` → `AB123456`). The type is validated here and belongs in the
 * blind-index domain (see `documentIndexDomain`), so that equal numbers of different document types
 * never match. Throws `INVALID_INPUT` when anything but letters and digits remains.
 */
export function normaliseDocumentNumber(type: string, number: string): string {
  normaliseDocumentType(type);
  const canonical =
    typeof number === 'string'
      ? number.normalize('NFKC').toUpperCase().replace(DOCUMENT_SEPARATORS, '')
      : '';
  if (!DOCUMENT_NUMBER.test(canonical)) {
    throw new ProtectionError(
      ProtectionErrorCode.INVALID_INPUT,
      'A document number must contain only letters and digits once separators are removed',
    );
  }
  return canonical;
}
