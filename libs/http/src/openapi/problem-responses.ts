import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem-details';

const PROBLEM_SCHEMA_NAME = 'ProblemDetails';

/** RFC 9457 problem details with the platform's members, as `ProblemDetailsFilter` writes them. */
const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'instance', 'code'],
  properties: {
    type: {
      type: 'string',
      format: 'uri',
      example: 'https://errors.mrm.gov.ma/http/validation-failed',
    },
    title: { type: 'string', example: 'The request is not valid' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', example: 'One or more fields are invalid' },
    instance: { type: 'string', example: '/api/v1/beneficiaries' },
    code: { type: 'string', description: 'Stable error code', example: 'VALIDATION_FAILED' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Field-level problems of a validation failure',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const PROBLEM_TITLES = {
  400: 'The request is not valid',
  401: 'No valid bearer token',
  403: 'The token does not allow this',
  404: 'No such resource',
  409: 'Conflicts with the current state',
  410: 'This form of the request is no longer served',
  412: 'The resource has changed since it was read (If-Match)',
  413: 'The request body is too large',
  415: 'The request body has an unsupported media type',
  422: 'Well-formed but refused by a business rule',
  428: 'An If-Match header is required',
  429: 'Too many requests of this kind; see Retry-After',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_TITLES;

const problemResponse = (status: ProblemStatus) => ({
  description: PROBLEM_TITLES[status],
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(PROBLEM_SCHEMA_NAME) } } },
});

/**
 * Documents the problem+json answers a route gives besides those `addCommonProblems` adds. Declare
 * its success answer too (`@ApiOkResponse`): swagger adds none once any answer is declared.
 */
export const ApiProblemResponses = (...statuses: ProblemStatus[]): MethodDecorator =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })));

const isPublic = (security: readonly object[] | undefined): boolean =>
  security?.some((requirement) => Object.keys(requirement).length === 0) ?? false;

/**
 * Adds the problem answers every route can give: 400 where it reads parameters or a body, 404
 * where a path parameter names a resource, 401 and 403 unless it is public; and the
 * ProblemDetails schema they refer to.
 */
export function addCommonProblems(document: OpenAPIObject): void {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_DETAILS_SCHEMA },
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.patch, item.delete]) {
      if (!operation) continue;
      const places = (operation.parameters ?? []).map((p) => ('in' in p ? p.in : 'header'));
      const reads = places.some((place) => place !== 'header') || !!operation.requestBody;
      const statuses: ProblemStatus[] = reads ? [400] : [];
      if (places.includes('path')) statuses.push(404);
      if (!isPublic(operation.security)) statuses.push(401, 403);
      for (const status of statuses) {
        operation.responses[status] ??= problemResponse(status);
      }
    }
  }
}
