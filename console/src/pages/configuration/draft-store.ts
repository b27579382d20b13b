/**
 * The draft being edited, and its saving (issue 13): the draft as the service last answered it, the config
 * as this person edits it now, the paths they changed since their last successful save, the errors per
 * field, and the save state the status bar shows. A Lit reactive controller: the page that holds it
 * re-renders when any of that changes.
 *
 * - Every edit (`meldpunt-config-edit`) is applied with `setIn` and saved ~800 ms after the last one
 *   (`PUT …/config/draft` with `If-Match`); `flush()` saves at once (leaving a section, the page, the tab).
 *   One save at a time: edits made during a save are saved after it.
 * - The config as typed is never replaced by the service's answer (it trims texts; a person typing a space
 *   must keep it): the answer gives the etag, the completeness, the contrast and the publish blockers.
 * - 422: the errors by JSON Pointer (sections show them beside their fields); what was typed stays.
 *   No answer: "not saved" with a retry; nothing is lost.
 * - 412: someone else saved. Their draft is taken, this person's changed paths are laid over it; a path
 *   both changed (their value differs from the one this person started from) is a conflict: this person's
 *   text stays in the field and the conflict lists both, to keep or to take theirs. Then it saves again.
 */
import type { ConfigDraft, DraftConflict, TenantConfigInput } from '@meldpunt/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftConflictError, saveDraft } from '../../data/config.ts';
import { ApiError } from '../../data/http.ts';
import { getIn, pointer, setIn, type ConfigPath } from './config-edit.ts';

/** How long after the last edit the draft is saved. */
export const saveDelayMs = 800;

export type SaveState =
  | { kind: 'idle' }
  /** Edited, the save is waiting for typing to stop. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** The service refused fields (422): they are in `errors`. */
  | { kind: 'invalid' }
  /** No answer, or an error answer: retry. */
  | { kind: 'failed'; error: unknown };

/** One path both this person and someone else changed: both values, to keep one. */
export interface EditConflict {
  path: ConfigPath;
  pointer: string;
  mine: unknown;
  theirs: unknown;
}

/** The last merge with someone else's save: who, when, and what both changed. */
export interface MergeNotice {
  lastChange: DraftConflict['lastChange'];
  /** Everything they changed (the paths where their draft differs from the one this person started from). */
  theirChanges: string[];
  conflicts: EditConflict[];
}

/** Whether two JSON values are equal (order of object keys aside). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** The JSON Pointers of the leaves where `a` and `b` differ (objects and arrays are walked). */
export function changedPointers(a: unknown, b: unknown, at = ''): string[] {
  if (sameValue(a, b)) return [];
  const walk = (x: unknown) => typeof x === 'object' && x !== null;
  if (!walk(a) || !walk(b) || Array.isArray(a) !== Array.isArray(b)) return [at];
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys].flatMap((key) =>
    changedPointers(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
    ),
  );
}

export class DraftStore implements ReactiveController {
  /** The draft as the service last answered (etag, completeness, blockers). */
  draft?: ConfigDraft;
  /** The config as this person edits it now. */
  config?: TenantConfigInput;
  /** The config as the service holds it (its last answer): what this person's changes are changes to. */
  private base?: TenantConfigInput;
  /** The paths changed since the last successful save, by pointer (in the order last changed). */
  private changed = new Map<string, ConfigPath>();
  /** The service's per-field refusals of the last save (422), by JSON Pointer. */
  saveErrors: ReadonlyMap<string, string> = new Map();
  state: SaveState = { kind: 'idle' };
  merge?: MergeNotice;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private slug = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('beforeunload', this.onBeforeUnload);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostDisconnected() {
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    void this.flush();
  }

  /** Starts from a draft the service answered (the page's load). */
  start(slug: string, draft: ConfigDraft) {
    this.slug = slug;
    this.draft = draft;
    this.config = draft.config;
    this.base = draft.config;
    this.changed.clear();
    this.saveErrors = new Map();
    this.merge = undefined;
    this.state = { kind: 'idle' };
    this.host.requestUpdate();
  }

  /** Whether something typed is not saved yet. */
  get dirty(): boolean {
    return this.changed.size > 0 || this.inFlight !== undefined;
  }

  /** The errors to show beside fields: the last save's refusals, and what blocks publishing. */
  get errors(): ReadonlyMap<string, string> {
    const errors = new Map<string, string>();
    for (const blocker of this.draft?.publishBlockers ?? []) errors.set(blocker.path, blocker.message);
    for (const [path, message] of this.saveErrors) errors.set(path, message);
    return errors;
  }

  /** Applies one edit and saves after a pause in typing. */
  edit(path: ConfigPath, value: unknown) {
    if (!this.config) return;
    this.config = setIn(this.config, path, value);
    const key = pointer(path);
    this.changed.delete(key);
    this.changed.set(key, path);
    if (this.state.kind !== 'saving') this.state = { kind: 'pending' };
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), saveDelayMs);
  }

  /** Saves now what is not saved (after the save in flight, if any); resolves when all is saved or refused. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight) await this.inFlight;
    // Edits made during a save, or a merge after a 412, are saved right after it (a few merges in a row
    // at most: then the state says so, and the next edit or "Try again" goes on).
    for (let round = 0; round < 4 && this.changed.size > 0 && this.config && this.draft; round++) {
      let again = false;
      this.inFlight = this.save().then((next) => {
        again = next;
      });
      try {
        await this.inFlight;
      } finally {
        this.inFlight = undefined;
      }
      if (!again) break;
    }
    this.host.requestUpdate();
  }

  /** Keeps this person's value at `path` (ends that conflict; it is already in the field and saved). */
  keepMine(conflict: EditConflict) {
    this.resolve(conflict);
  }

  /** Takes the other person's value at `path`, and saves. */
  takeTheirs(conflict: EditConflict) {
    this.resolve(conflict);
    this.edit(conflict.path, conflict.theirs);
  }

  /**
   * Takes someone else's newer draft that another request met (a publish answered 412): merges it as a
   * save would, and saves this person's changes over it.
   */
  async absorb(conflict: DraftConflictError): Promise<void> {
    await this.flush();
    this.mergeWith(conflict);
    this.host.requestUpdate();
    await this.flush();
  }

  dismissMerge() {
    this.merge = undefined;
    this.host.requestUpdate();
  }

  private resolve(conflict: EditConflict) {
    if (!this.merge) return;
    this.merge = { ...this.merge, conflicts: this.merge.conflicts.filter((c) => c.pointer !== conflict.pointer) };
    this.host.requestUpdate();
  }

  /** One save of the config as it is now; answers whether to save again at once (something is left). */
  private async save(): Promise<boolean> {
    const config = this.config;
    const etag = this.draft?.etag;
    if (!config || etag === undefined) return false;
    const sent = new Map(this.changed);
    this.state = { kind: 'saving' };
    this.host.requestUpdate();
    try {
      const answer = await saveDraft(this.slug, config, etag);
      this.draft = answer;
      this.base = answer.config;
      // What was sent is saved; a path edited again during the save is still to be saved.
      for (const [key, path] of sent) {
        if (sameValue(getIn(this.config, path), getIn(config, path))) this.changed.delete(key);
      }
      this.saveErrors = new Map();
      this.state = this.changed.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: new Date() };
      return this.changed.size > 0;
    } catch (error) {
      if (error instanceof DraftConflictError) {
        // Their draft with this person's changes laid over it: saved again at once, with their etag.
        this.mergeWith(error);
        this.state = { kind: 'pending' };
        return true;
      }
      if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) {
        this.saveErrors = new Map(error.problem.errors.map((e) => [e.path, e.message]));
        this.state = { kind: 'invalid' };
      } else {
        this.state = { kind: 'failed', error };
      }
      return false;
    } finally {
      this.host.requestUpdate();
    }
  }

  /** Lays this person's changes over the draft someone else saved; notes where both changed the same. */
  private mergeWith({ current, lastChange }: DraftConflictError) {
    const base = this.base;
    let config = current.config;
    const conflicts: EditConflict[] = [];
    for (const [key, path] of this.changed) {
      const mine = getIn(this.config, path);
      const theirs = getIn(current.config, path);
      if (!sameValue(theirs, getIn(base, path)) && !sameValue(theirs, mine)) {
        conflicts.push({ path, pointer: key, mine, theirs });
      }
      config = setIn(config, path, mine);
    }
    const earlier = this.merge?.conflicts.filter((c) => !conflicts.some((n) => n.pointer === c.pointer)) ?? [];
    this.merge = {
      lastChange,
      theirChanges: changedPointers(base, current.config),
      conflicts: [...earlier, ...conflicts],
    };
    this.draft = current;
    this.base = current.config;
    this.config = config;
  }

  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.dirty) return;
    event.preventDefault();
    void this.flush();
  };

  private readonly onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') void this.flush();
  };
}
