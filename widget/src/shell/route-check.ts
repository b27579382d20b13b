// The route check: where a report placed at the chosen point would go, asked before sending when that may
// not be this tenant (a national tenant, or a point outside this tenant's outline).
import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { AreaOutline, ReportLocation, TenantConfig } from '@meldpunt/contracts';
import type { DraftError, FollowUp } from '../draft.ts';
import type { Translate } from '../i18n.ts';
import type { RouteCheck } from '../location/location-picker.ts';

type LocationChunk = typeof import('../location/location-picker.ts');

/** A point outside the Netherlands cannot be sent: choose another place, or describe it in words. */
export const outsideError: DraftError = { field: 'location', message: 'location.route.outside' };

/** What the check asks about, read from the element on every update. */
export interface RouteQuestion {
  config: TenantConfig | undefined;
  area: AreaOutline | undefined;
  base: string;
  tenant: string;
  location: ReportLocation | undefined;
  occurredAt: string | undefined;
  timeoutMs: number;
}

/**
 * Asks the service's route preview whenever the chosen point (or the time) changes. Task drops the answer of
 * a run whose point has changed meanwhile; a failed request shows nothing (the service routes anyway).
 * The preview's code is in the location chunk, which the Where step has loaded by then.
 */
export class RouteCheckController {
  private location?: LocationChunk;
  private readonly question: () => RouteQuestion;
  /** The request of the check now (its status tells whether the answer is in). */
  readonly task: Task<
    readonly [TenantConfig | undefined, number | undefined, number | undefined, string | undefined],
    RouteCheck | undefined
  >;

  constructor(
    host: ReactiveControllerHost,
    question: () => RouteQuestion,
    checked: (check: RouteCheck | undefined) => void,
  ) {
    this.question = question;
    this.task = new Task(host, {
      args: () => {
        const { config, location, occurredAt } = this.question();
        return [config, location?.lat, location?.lng, occurredAt] as const;
      },
      task: async ([config, lat, lng, occurredAt], { signal }) => {
        if (!config || lat === undefined || lng === undefined) return undefined;
        this.location ??= await import('../location/location-picker.ts');
        const { base, tenant, area, timeoutMs } = this.question();
        const national = config.kind === 'national';
        return this.location.checkRoute({ base, tenant, national, area, lat, lng, occurredAt, signal, timeoutMs });
      },
      onComplete: checked,
    });
  }

  /** The preview's answer for the point chosen now, if any. */
  get current(): RouteCheck | undefined {
    const check = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    const location = this.question().location;
    return check && check.lat === location?.lat && check.lng === location.lng ? check : undefined;
  }

  /** Whether the receiver follows up: the preview's answer, else this tenant's. */
  followUp(config: TenantConfig): FollowUp {
    const check = this.current;
    return check?.outcome === 'routed' ? check.preview.followUp : config.followUp.mode;
  }

  /** The error of a point outside the Netherlands, if that is the answer. */
  errors(): DraftError[] {
    return this.current?.outcome === 'outside' ? [outsideError] : [];
  }

  /** Where the chosen place sends the report, when that is worth saying (else empty). */
  notice(t: Translate, contactCleared: (check: RouteCheck) => boolean): string {
    const check = this.current;
    return check && this.location ? this.location.routeNotice(t, check, contactCleared(check)) : '';
  }
}
