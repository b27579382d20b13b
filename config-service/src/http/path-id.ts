import { problems } from './problem.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path's id as the database stores it (a UUID, lower-case); anything else names nothing: 404. */
export function pathId(value: string | undefined): string {
  if (!value || !uuid.test(value)) throw problems.notFound();
  return value.toLowerCase();
}
