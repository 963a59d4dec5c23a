import { Body, Controller, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiCreatedResponse, type OpenAPIObject } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { buildOpenApiDocument } from './openapi-document';
import { ApiProblemResponses } from './problem-responses';
import { defineRule } from './schema-rule';

const IsEven = defineRule({
  name: 'isEvenForSpec',
  test: (value) => typeof value === 'number' && value % 2 === 0,
  message: '$property must be even',
  schema: { type: 'integer', multipleOf: 2 },
});

class PartDto {
  @IsString() @MaxLength(5) readonly label: string;
}

class SampleRequestDto {
  @IsOptional() @IsIn(['a', 'b']) readonly kind?: string;
  @IsArray() @ArrayMaxSize(3) @Matches(/^[A-Z]+$/, { each: true }) readonly codes: string[];
  @ValidateNested() @Type(() => PartDto) readonly part: PartDto;
  @IsEven() readonly count: number;
}

class SampleParamsDto {
  @IsUUID('4') readonly id: string;
}

@Controller({ path: 'samples' })
class SamplesController {
  @Post(':id')
  @ApiCreatedResponse({ type: SampleRequestDto })
  @ApiProblemResponses(409)
  create(@Param() _params: SampleParamsDto, @Body() body: SampleRequestDto): SampleRequestDto {
    return body;
  }
}

@Module({ controllers: [SamplesController] })
class SampleModule {}

describe('buildOpenApiDocument', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    const app = await NestFactory.create(SampleModule, { preview: true, logger: false });
    document = buildOpenApiDocument(app, { title: 'Sample', description: 'Spec', version: '1' });
  });

  it('states each validator rule as schema keywords, and refuses unknown properties', () => {
    expect(document.components?.schemas?.SampleRequestDto).toMatchObject({
      additionalProperties: false,
      required: ['codes', 'part', 'count'],
      properties: {
        kind: { type: 'string', enum: ['a', 'b'] },
        codes: { type: 'array', maxItems: 3, items: { type: 'string', pattern: '^[A-Z]+$' } },
        part: { $ref: '#/components/schemas/PartDto' },
        count: { type: 'integer', multipleOf: 2 },
      },
    });
    expect(document.components?.schemas?.PartDto).toMatchObject({
      properties: { label: { type: 'string', maxLength: 5 } },
    });
  });

  it('declares path parameters from their DTO, with their rules', () => {
    const [parameter] = document.paths['/samples/{id}'].post?.parameters ?? [];
    expect(parameter).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(parameter).toHaveProperty('schema.pattern', expect.stringContaining('-4'));
  });

  it('documents problem+json answers: 400, 401, 403, 404 for all and the declared ones', () => {
    const responses = document.paths['/samples/{id}'].post?.responses ?? {};
    expect(Object.keys(responses).sort()).toEqual(['201', '400', '401', '403', '404', '409']);
    expect(responses['409']).toMatchObject({
      content: {
        'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
      },
    });
  });

  it('refuses to build when a request DTO has a rule with no keywords', async () => {
    class UnstatedRequestDto {
      readonly value: string;
    }
    registerDecorator({
      name: 'isUnstatedForSpec',
      target: UnstatedRequestDto,
      propertyName: 'value',
      validator: { validate: () => true },
    });
    const app = await NestFactory.create(SampleModule, { preview: true, logger: false });
    expect(() => buildOpenApiDocument(app, { title: 'S', description: 'S', version: '1' })).toThrow(
      'UnstatedRequestDto.value: isUnstatedForSpec',
    );
  });
});
