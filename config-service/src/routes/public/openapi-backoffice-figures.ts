/** The back office's figures in the OpenAPI document (issue 14): `/api/v1/backoffice/…/figures…`. */
import type { SchemaOf } from './openapi-parts.ts';

export function backofficeFiguresOpenApi(_schemaOf: SchemaOf) {
  const paths = {};
  const schemas = {};
  return { paths, schemas };
}
