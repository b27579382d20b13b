import { html, nothing } from 'lit';
import { define } from '@meldpunt/ui/define';
import { FollowUpElement } from './follow-up-element.ts';

/** The name of the saved text file (the same in every language: it names the service, not the reporter). */
const fileName = 'meldpunt-code.txt';

/** How long the saved file's object URL lives: a browser may start the download only after the click returns. */
const revokeAfterMs = 1000;

/**
 * Beside the receipt code on the confirmation: "Copy" (the Clipboard API; where the page may not write to it,
 * the code is selected instead and the reporter is told so) and "Save as text file" (a short plain text made
 * in memory: the code, the reference, the receiving municipality and where to follow up). The code itself is
 * the slotted content, so it shows even if this element's chunk never arrives.
 *
 * @tagname meldpunt-receipt-actions
 * @summary Copy and save the receipt code.
 * @slot - The code as shown.
 */
export class MeldpuntReceiptActions extends FollowUpElement {
  static override properties = {
    code: {},
    reference: {},
    receiver: {},
    said: { state: true, attribute: false },
  };

  /** The receipt code as shown (`7KQM-4XTP-9B2C-H0RD`). */
  code = '';

  /** The report's reference. */
  reference = '';

  /** The name of the municipality that has the report. */
  receiver = '';

  /** The text key of the last action's outcome, read out by the status line. */
  private said?: string;

  override render() {
    return html`
      <slot></slot>
      ${
        this.textsReady
          ? html`<div class="actions">
              <button type="button" class="secondary" part="button" id="copy" @click=${this.copy}>
                ${this.t('receipt.copy')}
              </button>
              <button type="button" class="secondary" part="button" id="save" @click=${this.save}>
                ${this.t('receipt.save')}
              </button>
            </div>`
          : nothing
      }
      <p class="hint" role="status" id="receipt-status">${this.said ? this.t(this.said) : ''}</p>
    `;
  }

  private copy = async () => {
    this.said = undefined;
    await this.updateComplete;
    try {
      await navigator.clipboard.writeText(this.code);
      this.said = 'receipt.copied';
    } catch {
      // No Clipboard API here (an insecure page), or the browser refused: select the code to copy by hand.
      const shown = this.querySelector('*') ?? this;
      getSelection()?.selectAllChildren(shown);
      this.said = 'receipt.copyFailed';
    }
  };

  /** Downloads the text file, made in memory (a Blob); its object URL is revoked soon after. */
  private save = async () => {
    this.said = undefined;
    await this.updateComplete;
    const lines = [
      this.t('receipt.file.title'),
      '',
      this.t('receipt.file.code', { code: this.code }),
      this.t('receipt.file.reference', { reference: this.reference }),
      this.t('receipt.file.receiver', { name: this.receiver }),
      '',
      // The page the reporter is on (without query or fragment): the widget offers "Follow up" here too.
      this.t('receipt.file.where', { url: location.origin + location.pathname }),
      '',
      this.t('receipt.file.keep'),
    ];
    const url = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
    this.said = 'receipt.saved';
  };
}

define('meldpunt-receipt-actions', MeldpuntReceiptActions);

declare global {
  interface HTMLElementTagNameMap {
    'meldpunt-receipt-actions': MeldpuntReceiptActions;
  }
}
