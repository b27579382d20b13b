/**
 * How the configuration editor's sections and its page talk (issue 13). The page
 * (`configuration-page.ts`) holds the draft being edited and saves it; each section is an element that
 * shows part of it and reports every change as one `meldpunt-config-edit` event — a path into the config
 * and the new value — never by changing the object it was given. The page applies the edit, saves the
 * draft (debounced), and remembers which paths this person changed, so that when someone else saved
 * meanwhile (412) it can lay exactly those changes over their version.
 *
 * Paths are arrays of keys (`['followUp', 'response', 'body', 'en']`); errors are keyed by their JSON
 * Pointer (`/followUp/response/body/en`), as the service's problem+json `errors` and `publishBlockers` name
 * them.
 */
import type { ConfigDraft, TenantConfigInput } from '@meldpunt/contracts';

/** A place in the config: keys of objects and indexes of arrays. */
export type ConfigPath = readonly (string | number)[];

/** One change: `value` at `path` (`undefined` removes the key, or the array item). */
export interface ConfigEdit {
  path: ConfigPath;
  value: unknown;
}

export type ConfigEditEvent = CustomEvent<ConfigEdit>;

declare global {
  interface HTMLElementEventMap {
    'meldpunt-config-edit': ConfigEditEvent;
  }
}

/**
 * What the page gives every section element (as properties): the config as edited now, the draft as the
 * service last answered it (completeness, contrast checks, publish blockers), the errors to show beside
 * fields, whether this person may edit (an admin only reads), and the tenant.
 */
export interface ConfigSectionProps {
  slug: string;
  config: TenantConfigInput;
  draft: ConfigDraft;
  errors: ReadonlyMap<string, string>;
  editable: boolean;
}

/** Reports a change from a section (bubbles out of its shadow root to the page). */
export function emitEdit(from: EventTarget, path: ConfigPath, value: unknown): void {
  from.dispatchEvent(
    new CustomEvent<ConfigEdit>('meldpunt-config-edit', { detail: { path, value }, bubbles: true, composed: true }),
  );
}

/** The JSON Pointer of a path (RFC 6901): `['fields', 'extra', 0, 'label']` → `/fields/extra/0/label`. */
export function pointer(path: ConfigPath): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The path of a JSON Pointer (numbers stay strings: `getIn`/`setIn` index arrays with either). */
export function pathOf(jsonPointer: string): string[] {
  if (jsonPointer === '') return [];
  return jsonPointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The value at `path`, or `undefined`. */
export function getIn(value: unknown, path: ConfigPath): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * A copy of `root` with `value` at `path`: every object and array on the way is copied, nothing else;
 * missing objects on the way are created (arrays where the next key is a number). `undefined` removes
 * the key (from an array: the item, so later items move up).
 */
export function setIn<T>(root: T, path: ConfigPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const node: unknown = root;
  const isIndex = typeof key === 'number' || /^\d+$/.test(key);
  if (Array.isArray(node) && isIndex) {
    const copy = [...(node as unknown[])];
    const index = Number(key);
    const next = rest.length === 0 ? value : setIn(copy[index], rest, value);
    if (next === undefined) copy.splice(index, 1);
    else copy[index] = next;
    return copy as T;
  }
  const base: Record<string, unknown> =
    node !== null && typeof node === 'object' ? { ...(node as Record<string, unknown>) } : {};
  const nextKey = rest[0];
  const child = base[key] !== undefined || rest.length === 0 ? base[key] : typeof nextKey === 'number' ? [] : {};
  const next = rest.length === 0 ? value : setIn(child, rest, value);
  if (next === undefined) return Object.fromEntries(Object.entries(base).filter(([k]) => k !== String(key))) as T;
  base[key] = next;
  return base as T;
}

/** The error to show beside the field at `path`, if any. */
export function errorAt(errors: ReadonlyMap<string, string>, path: ConfigPath): string | undefined {
  return errors.get(pointer(path));
}

/** Whether `path` or anything below it has an error (for a section's summary or a group's border). */
export function hasErrorBelow(errors: ReadonlyMap<string, string>, path: ConfigPath): boolean {
  const prefix = pointer(path);
  for (const key of errors.keys()) if (key === prefix || key.startsWith(`${prefix}/`)) return true;
  return false;
}
