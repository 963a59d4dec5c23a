import { e164Of, parseE164, validateE164 } from './phone-number';

describe('phone numbers', () => {
  it('accepts valid international numbers, with or without spaces, as E.164', () => {
    expect(parseE164('+212 6 12 34 56 78')).toBe('+212612345678');
    expect(parseE164('+221771234567')).toBe('+221771234567');
  });

  it('refuses national forms, junk, invalid numbers and non-strings', () => {
    for (const value of ['0612345678', '+2126', '+212612345678 ext 1', '+999123456789', 42, null]) {
      expect(parseE164(value)).toBeUndefined();
    }
  });

  it('normalises a validated body from the validation, and any other body by parsing', () => {
    const body = { phone: '+212 612 345 678' };
    expect(validateE164(body, 'phone', body.phone)).toBe(true);
    // The value is not read again: the validated form of this body's property is used.
    expect(e164Of(body, 'phone', 'ignored')).toBe('+212612345678');

    expect(e164Of({ phone: '+221 77 123 45 67' }, 'phone', '+221 77 123 45 67')).toBe(
      '+221771234567',
    );
    expect(() => e164Of({}, 'phone', '12')).toThrow('phone is not a valid phone number');
  });
});
