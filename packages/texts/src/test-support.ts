import type { PluralCategory } from './text-tree.ts';

/** Helpers for the texts' tests: reading a text tree by dotted key, its placeholders and plural forms. */

const categories: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The text at a dotted key (`steps.details.remaining_one`). */
export function lookup(tree: object, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
}

/** The `{{variables}}` of a text, sorted. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

/** For a plural form's key (`…remaining_few`), its base key and category; otherwise undefined. */
export function pluralOf(key: string): { base: string; category: PluralCategory } | undefined {
  const at = key.lastIndexOf('_');
  const category = key.slice(at + 1) as PluralCategory;
  return at > 0 && categories.includes(category) ? { base: key.slice(0, at), category } : undefined;
}

/** Text trees as one, as i18next merges a locale's parts (`addResourceBundle` with `deep`). */
export function merge(...trees: object[]): object {
  const out: Record<string, unknown> = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const here = out[key];
      out[key] = typeof value === 'object' && typeof here === 'object' && here ? merge(here, value as object) : value;
    }
  }
  return out;
}
