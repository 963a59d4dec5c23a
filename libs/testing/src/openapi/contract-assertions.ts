import type { Response } from 'supertest';
import type { HttpMethod, OpenApiContract } from './openapi-contract';

/**
 * Asserts that an answer has `status` (when given) and matches what the document declares for its
 * operation and status (`path` as in the document, `/api/v1/beneficiaries/{id}`); returns its body.
 */
export function expectDeclared<T = Record<string, unknown>>(
  contract: OpenApiContract,
  operation: `${Uppercase<HttpMethod>} ${string}`,
  response: Response,
  status?: number,
): T {
  if (status !== undefined) {
    expect({ [operation]: response.status }).toEqual({ [operation]: status });
  }
  const [method, path] = operation.split(' ') as [Uppercase<HttpMethod>, string];
  const problems = contract.responseProblems({
    method: method.toLowerCase() as HttpMethod,
    path,
    status: response.status,
    body: response.body,
  });
  expect({ [`${operation} → ${response.status}`]: problems }).toEqual({
    [`${operation} → ${response.status}`]: [],
  });
  return response.body as T;
}
