import { DomainError } from '@mrm/errors';
import { assertVersionMatches, etagOf, parseIfMatch } from './etag';

const codeOf = (action: () => unknown): string | undefined => {
  try {
    action();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('ETag and If-Match', () => {
  it('reads the version back from the ETag it wrote, strong or weak', () => {
    expect(parseIfMatch(etagOf(7))).toBe(7);
    expect(parseIfMatch('W/"7"')).toBe(7);
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it('answers 428 without If-Match and 412 for an unusable one', () => {
    expect(codeOf(() => parseIfMatch(undefined))).toBe('PRECONDITION_REQUIRED');
    expect(codeOf(() => parseIfMatch(' '))).toBe('PRECONDITION_REQUIRED');
    expect(codeOf(() => parseIfMatch('7'))).toBe('PRECONDITION_FAILED');
    expect(codeOf(() => parseIfMatch('"1", "2"'))).toBe('PRECONDITION_FAILED');
  });

  it('answers 412 for a stale version only', () => {
    expect(codeOf(() => assertVersionMatches({ expected: 2, current: 3 }))).toBe(
      'PRECONDITION_FAILED',
    );
    expect(codeOf(() => assertVersionMatches({ expected: 3, current: 3 }))).toBeUndefined();
    expect(codeOf(() => assertVersionMatches({ expected: undefined, current: 3 }))).toBeUndefined();
  });
});
