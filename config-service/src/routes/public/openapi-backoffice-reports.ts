/** The back office's report routes in the OpenAPI document (issue 14): `/api/v1/backoffice/tenants/{slug}/reports…`. */
import type { SchemaOf } from './openapi-parts.ts';

export function backofficeReportsOpenApi(_schemaOf: SchemaOf) {
  const paths = {};
  const schemas = {};
  return { paths, schemas };
}
