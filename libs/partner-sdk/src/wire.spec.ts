import {
  PARTNER_ANSWERS as PLATFORM_ANSWERS,
  PARTNERS_STREAM as PLATFORM_STREAM,
  REFERRAL_OUTCOMES as PLATFORM_OUTCOMES,
  REJECTION_REASONS as PLATFORM_REASONS,
} from '@mrm/contracts';
import { deterministicAnswerId } from './answer-id';
import { PARTNER_ANSWERS, PARTNERS_STREAM, REFERRAL_OUTCOMES, REJECTION_REASONS } from './wire';

describe('partner SDK wire names', () => {
  it('are the platform contracts’ own', () => {
    expect(PARTNER_ANSWERS).toEqual(PLATFORM_ANSWERS);
    expect(PARTNERS_STREAM).toBe(PLATFORM_STREAM);
    expect(REJECTION_REASONS).toEqual(PLATFORM_REASONS);
    expect(REFERRAL_OUTCOMES).toEqual(PLATFORM_OUTCOMES);
  });

  it('derives the same UUID answer id for the same delivery and answer, another otherwise', () => {
    const id = deterministicAnswerId('anapec', 'm-1', 'accepted');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicAnswerId('anapec', 'm-1', 'accepted')).toBe(id);
    expect(deterministicAnswerId('anapec', 'm-1', 'received')).not.toBe(id);
    expect(deterministicAnswerId('entraide', 'm-1', 'accepted')).not.toBe(id);
  });
});
