import { html } from 'lit';
import type { ReportLocation } from '@meldpunt/contracts';
import { errorFor, type StepContext } from './context.ts';

let picker: Promise<unknown> | undefined;

/** The location picker (and, from it, the map) is its own chunk: loaded when the Where step opens. */
function loadPicker(): void {
  picker ??= import('../location/location-picker.ts');
}

/** Step 4: four ways to give the place, none of them required to be the map. */
export function whereStep(ctx: StepContext) {
  loadPicker();
  const error = errorFor(ctx, 'location');
  if (!ctx.locationTexts) return html`<p class="hint">${ctx.t('steps.where.hint')}</p>`;
  return html`
    <p class="hint">${ctx.t('steps.where.hint')}</p>
    <meldpunt-location-picker
      id="location"
      .config=${ctx.config}
      .value=${ctx.draft.location}
      .t=${ctx.t}
      .dir=${ctx.dir}
      .invalid=${Boolean(error)}
      .errorMessage=${error ? ctx.t(error.message) : undefined}
      .area=${ctx.area}
      .notice=${ctx.routeNotice}
      @meldpunt-location-change=${(e: CustomEvent<ReportLocation | undefined>) =>
        ctx.update({ location: e.detail ?? undefined })}
    ></meldpunt-location-picker>
  `;
}
