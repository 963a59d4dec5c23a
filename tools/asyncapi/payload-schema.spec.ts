import {
  ArrayMaxSize,
  IsArray,
  IsHexColor,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { payloadSchema } from './payload-schema';

class BaseFixture {
  @IsUUID() readonly id: string;
  @IsInt() @Min(1) @Max(9) readonly version: number;
}

class PayloadFixture extends BaseFixture {
  @IsString() @MaxLength(8) readonly code: string;
  @IsIn(['a', 'b']) readonly kind: string;
  @Matches(/^[A-Z]{2}$/) readonly country: string;
  @IsISO8601() readonly happenedAt: string;
  @IsISO8601({ strict: true }) readonly startedOn: string;
  @IsArray() @ArrayMaxSize(3) @IsString({ each: true }) readonly tags: string[];
  @IsOptional() @IsString() readonly note?: string;
}

class UnmappedFixture {
  @IsHexColor() readonly colour: string;
}

class FlaggedPatternFixture {
  @Matches(/^[a-z]+$/i) readonly word: string;
}

describe('payloadSchema', () => {
  it('maps class-validator decorators to JSON Schema, inherited fields first', () => {
    const sut = payloadSchema(PayloadFixture, (owner, property) => `${owner}.${property}`);

    expect(sut).toEqual({
      title: 'PayloadFixture',
      type: 'object',
      required: ['id', 'version', 'code', 'kind', 'country', 'happenedAt', 'startedOn', 'tags'],
      properties: {
        id: { description: 'PayloadFixture.id', type: 'string', format: 'uuid' },
        version: { description: 'PayloadFixture.version', type: 'integer', minimum: 1, maximum: 9 },
        code: { description: 'PayloadFixture.code', type: 'string', maxLength: 8 },
        kind: { description: 'PayloadFixture.kind', type: 'string', enum: ['a', 'b'] },
        country: { description: 'PayloadFixture.country', type: 'string', pattern: '^[A-Z]{2}$' },
        happenedAt: {
          description: 'PayloadFixture.happenedAt',
          type: 'string',
          format: 'date-time',
        },
        startedOn: { description: 'PayloadFixture.startedOn', type: 'string', format: 'date' },
        tags: {
          description: 'PayloadFixture.tags',
          type: 'array',
          items: { type: 'string' },
          maxItems: 3,
        },
        note: { description: 'PayloadFixture.note', type: 'string' },
      },
      additionalProperties: true,
    });
  });

  it('omits descriptions when no describer is given', () => {
    const sut = payloadSchema(BaseFixture);

    expect(sut.properties?.id).toEqual({ type: 'string', format: 'uuid' });
  });

  it('fails on a decorator it cannot translate instead of dropping it', () => {
    expect(() => payloadSchema(UnmappedFixture)).toThrow(/UnmappedFixture\.colour.*isHexColor/);
  });

  it('fails on a regular expression flag JSON Schema cannot express', () => {
    expect(() => payloadSchema(FlaggedPatternFixture)).toThrow(/flags "i"/);
  });
});
