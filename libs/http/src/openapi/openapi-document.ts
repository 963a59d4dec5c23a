import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { describeValidatedClasses } from './describe-validated-classes';
import { addCommonProblems } from './problem-responses';

export interface OpenApiInfo {
  readonly title: string;
  readonly description: string;
  readonly version: string;
}

/** The service's OpenAPI document, its request schemas stating every validation rule. */
export function buildOpenApiDocument(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  // Request DTOs are named `*Dto` (STYLE.md §4.3); config and event classes are not published.
  const unstated = describeValidatedClasses().filter((rule) => /^\w+Dto\./.test(rule));
  if (unstated.length > 0) {
    throw new Error(`Rules with no OpenAPI keywords (use defineRule): ${unstated.join(', ')}`);
  }
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version)
    // Relative: the document is served by the service it describes.
    .addServer('/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  addCommonProblems(document);
  declareTags(document);
  return document;
}

/** Lists the tags the operations use, as OpenAPI wants them declared at the top. */
function declareTags(document: OpenAPIObject): void {
  const operations = Object.values(document.paths).flatMap((item) =>
    [item.get, item.put, item.post, item.patch, item.delete].filter((operation) => !!operation),
  );
  const names = new Set(operations.flatMap((operation) => operation.tags ?? []));
  document.tags = [...names].sort().map((name) => ({ name }));
}

/** Serves the OpenAPI document at `/api/openapi.json` and Swagger UI at `/api/docs`. */
export function setupOpenApi(app: INestApplication, info: OpenApiInfo): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app, info), {
    jsonDocumentUrl: 'api/openapi.json',
  });
}
