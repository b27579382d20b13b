/**
 * Field by field: what differs between two configs (two published versions in the history), and how a
 * place in a config is called for a person ("Follow-up › Response after sending › Title (English)") — in
 * the history's comparison, the conflict notice after someone else's save, and the publish blockers.
 *
 * The comparison goes down to single values: a text per language, a colour, a number, a list of plain
 * values (the languages) as one. Lists of things with an `id` (categories, extra questions, options,
 * help organisations) are matched by id, so reordering shows as one change of order, not as every item
 * changed; an added or removed item shows each of its values.
 */
import type { Translate } from '../../i18n.ts';
import { pathOf, pointer, type ConfigPath } from './config-edit.ts';
import { sameValue } from './draft-store.ts';

export interface DiffEntry {
  /** Where, in the newer config (in the older one for a removed item). */
  path: ConfigPath;
  pointer: string;
  /** `order`: the same items, in another order (`before`/`after` are their ids). */
  kind: 'added' | 'removed' | 'changed' | 'order';
  before: unknown;
  after: unknown;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The ids of a list whose items all have a distinct text `id`; undefined for any other list. */
function idsOf(list: unknown): string[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const ids = list.map((item) => (isObject(item) && typeof item['id'] === 'string' ? item['id'] : undefined));
  if (ids.some((id) => id === undefined) || new Set(ids).size !== ids.length) return undefined;
  return ids as string[];
}

const isPlainList = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null);

/** What differs from `before` to `after`, one entry per value (see the module's comment). */
export function diffConfigs(before: unknown, after: unknown): DiffEntry[] {
  const entries: DiffEntry[] = [];
  const leaf = (path: ConfigPath, a: unknown, b: unknown) => {
    const kind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    entries.push({ path, pointer: pointer(path), kind, before: a, after: b });
  };
  const walk = (path: ConfigPath, a: unknown, b: unknown) => {
    if (sameValue(a, b)) return;
    if (isPlainList(a) || isPlainList(b)) {
      if ((a === undefined || isPlainList(a)) && (b === undefined || isPlainList(b))) return leaf(path, a, b);
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      const listA = Array.isArray(a) ? a : [];
      const listB = Array.isArray(b) ? b : [];
      const idsA = idsOf(listA) ?? (listA.length === 0 ? [] : undefined);
      const idsB = idsOf(listB) ?? (listB.length === 0 ? [] : undefined);
      if (idsA && idsB && (idsA.length > 0 || idsB.length > 0)) {
        idsB.forEach((id, j) => {
          const i = idsA.indexOf(id);
          walk([...path, j], i < 0 ? undefined : listA[i], listB[j]);
        });
        idsA.forEach((id, i) => {
          if (!idsB.includes(id)) walk([...path, i], listA[i], undefined);
        });
        const keptA = idsA.filter((id) => idsB.includes(id));
        const keptB = idsB.filter((id) => idsA.includes(id));
        if (!sameValue(keptA, keptB))
          entries.push({ path, pointer: pointer(path), kind: 'order', before: keptA, after: keptB });
        return;
      }
      const length = Math.max(listA.length, listB.length);
      for (let i = 0; i < length; i++) walk([...path, i], listA[i], listB[i]);
      return;
    }
    if (isObject(a) || isObject(b)) {
      const objA = isObject(a) ? a : {};
      const objB = isObject(b) ? b : {};
      if (!isObject(a) && a !== undefined) return leaf(path, a, b);
      if (!isObject(b) && b !== undefined) return leaf(path, a, b);
      for (const key of new Set([...Object.keys(objA), ...Object.keys(objB)]))
        walk([...path, key], objA[key], objB[key]);
      return;
    }
    leaf(path, a, b);
  };
  walk([], before, after);
  return entries;
}

/** A value as text for a person: texts as they are, lists joined, nothing as undefined. */
export function valueText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => valueText(v) ?? '').join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const textLocales = new Set(['nl', 'en', 'ar', 'tr', 'pl', 'uk']);

/** The override keys of `config.texts` the texts section offers, by the id of their label. */
export const overrideKeys = {
  introTitle: 'intro.title',
  introBody: 'intro.body',
  whoOtherHint: 'steps.who.otherHint',
  whenHint: 'steps.when.hint',
  whenApproximateHint: 'steps.when.approximateHint',
  whereHint: 'steps.where.hint',
  doneNextActive: 'steps.done.nextActive',
  doneNoFollowUp: 'steps.done.noFollowUp',
} as const;

/** A language's name in the console's language (`en` → "Engels"). */
export function languageName(locale: string, uiLocale: string): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/**
 * How a place in the config is called (`/followUp/response/title/en` → "Opvolging › Reactie na versturen ›
 * Titel (Engels)"): the names of the known keys, items by number, a language by its name; an unknown key
 * as it is.
 */
export function pathLabel(path: ConfigPath | string, t: Translate, uiLocale: string): string {
  const segments = typeof path === 'string' ? pathOf(path) : path.map(String);
  const parts: string[] = [];
  const name = (key: string) => t(`configPaths.names.${key}`, { defaultValue: key });
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const previous = parts.length - 1;
    if (segments[i - 1] === 'texts' && textLocales.has(segment) && i === 1) {
      // `/texts/<locale>/<key>`: the override's label, then its language.
      const key = segments[i + 1];
      const id = Object.entries(overrideKeys).find(([, k]) => k === key)?.[0];
      if (key !== undefined) parts.push(id ? t(`textsSection.keys.${id}`) : key);
      parts[parts.length - 1] += ` ${t('configPaths.language', { language: languageName(segment, uiLocale) })}`;
      i += 1;
    } else if (/^\d+$/.test(segment) && previous >= 0) {
      parts[previous] += ` ${t('configPaths.item', { number: Number(segment) + 1 })}`;
    } else if (textLocales.has(segment) && i === segments.length - 1 && previous >= 0) {
      parts[previous] += ` ${t('configPaths.language', { language: languageName(segment, uiLocale) })}`;
    } else {
      parts.push(name(segment));
    }
  }
  return parts.join(' › ');
}
