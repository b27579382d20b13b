import { define } from '@meldpunt/ui/define';
import { describedBy, errorId, fieldError } from '@meldpunt/ui/field';
import { html, nothing } from 'lit';
import { href } from '../../../router.ts';
import { errorAt } from '../config-edit.ts';
import { ConfigSectionElement } from './section-base.ts';

type Mode = 'active' | 'none';
const modes: readonly Mode[] = ['active', 'none'];

/**
 * The follow-up section of the configuration editor: whether the municipality follows up on reports
 * (`active`) or not (`none`), each explained in plain words by what the reporter sees — contact details
 * are only asked with `active` — and a link to the texts section, where the response after sending is
 * written per language.
 *
 * @summary Follow-up mode.
 * @fires meldpunt-config-edit - A change: `followUp.mode`.
 */
export class MeldpuntConfigFollowUp extends ConfigSectionElement {
  override render() {
    if (!this.config || !this.texts) return nothing;
    const { t } = this.texts;
    const mode = this.config.followUp.mode;
    const error = errorAt(this.errors, ['followUp', 'mode']);
    const texts = `${href('configuration', { slug: this.slug })}/texts`;
    return html`
      <h2>${t('followUpSection.title')}</h2>
      <p>${t('followUpSection.intro')}</p>
      ${this.renderReadOnlyNote()}
      <div class="stack">
        ${
          this.editable
            ? html`<fieldset aria-describedby=${describedBy(errorId('followUp-mode', error))}>
                <legend>${t('followUpSection.legend')}</legend>
                ${fieldError('followUp-mode', error)}
                ${modes.map(
                  (value) =>
                    html`<div>
                      <div class="check">
                        <input
                          id="mode-${value}"
                          type="radio"
                          name="mode"
                          aria-describedby="mode-${value}-explain"
                          .checked=${mode === value}
                          @change=${() => this.edit(['followUp', 'mode'], value)}
                        />
                        <label for="mode-${value}">${t(`followUpSection.${value}`)}</label>
                      </div>
                      <p class="hint" id="mode-${value}-explain">${t(`followUpSection.${value}Explain`)}</p>
                    </div>`,
                )}
              </fieldset>`
            : html`<div class="message">
                <p><strong>${t('followUpSection.current', { mode: t(`followUpSection.${mode}`) })}</strong></p>
                <p>${t(`followUpSection.${mode}Explain`)}</p>
              </div>`
        }
        <p>${t('followUpSection.responseTexts')} <a href=${texts}>${t('followUpSection.toTexts')}</a></p>
      </div>
    `;
  }
}

define('meldpunt-config-follow-up', MeldpuntConfigFollowUp);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-config-follow-up': MeldpuntConfigFollowUp;
  }
}
