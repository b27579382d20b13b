import { css } from 'lit';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { tokens } from '@meldpunt/ui/tokens';

/**
 * The look of `<meldpunt-location-picker>`, on top of the token chain and base styles of
 * `@meldpunt/ui` (so inside the widget it follows the same host tokens and tenant branding).
 */
export const locationPickerStyles = [
  tokens,
  baseStyles,
  css`
    :host {
      display: block;
      color: var(--_meldpunt-text);
      text-align: start;
      min-inline-size: 0;
    }
    .way,
    .field {
      margin-block: 0 1.5rem;
    }
    p {
      margin-block: 0 0.5rem;
    }
    label {
      display: block;
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    .hint {
      color: var(--_meldpunt-muted);
      font-size: 0.875rem;
    }
    .error {
      color: var(--_meldpunt-error);
      font-weight: 600;
      border-inline-start: 4px solid var(--_meldpunt-error);
      padding-inline-start: 0.5rem;
    }
    input,
    textarea {
      display: block;
      inline-size: 100%;
      min-block-size: var(--_meldpunt-target);
      padding: 0.5rem 0.75rem;
      font: inherit;
      color: inherit;
      background: var(--_meldpunt-background);
      border: 2px solid var(--_meldpunt-border);
      border-radius: var(--_meldpunt-radius);
    }
    textarea {
      min-block-size: 5rem;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_meldpunt-error);
    }
    button {
      min-block-size: var(--_meldpunt-target);
      min-inline-size: var(--_meldpunt-target);
      padding: 0.5rem 1rem;
      font: inherit;
      font-weight: 600;
      color: var(--_meldpunt-primary);
      background: var(--_meldpunt-background);
      border: 2px solid var(--_meldpunt-primary);
      border-radius: var(--_meldpunt-radius);
      cursor: pointer;
    }
    button[aria-busy='true'] {
      cursor: progress;
    }
    [role='listbox'] {
      list-style: none;
      margin: 0.25rem 0 0;
      padding: 0;
      border: 2px solid var(--_meldpunt-border);
      border-radius: var(--_meldpunt-radius);
      background: var(--_meldpunt-background);
    }
    [role='listbox'][hidden] {
      display: none;
    }
    [role='option'] {
      min-block-size: var(--_meldpunt-target);
      padding: 0.625rem 0.75rem;
      cursor: pointer;
      overflow-wrap: anywhere;
    }
    [role='option'] + [role='option'] {
      border-block-start: 1px solid var(--_meldpunt-surface);
    }
    [role='option']:hover,
    [role='option'].active {
      background: var(--_meldpunt-surface);
    }
    [role='option'].active {
      outline: 3px solid var(--_meldpunt-focus);
      outline-offset: -3px;
    }
    .status {
      margin-block: 0.25rem 0;
      font-size: 0.875rem;
    }
    .status:empty {
      margin: 0;
    }
    .chosen {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin-block: 0 1.5rem;
    }
    .chosen.has-choice {
      padding: 0.75rem;
      background: var(--_meldpunt-surface);
      border-inline-start: 4px solid var(--_meldpunt-primary);
      border-radius: var(--_meldpunt-radius);
    }
    .readback {
      flex: 1 1 12rem;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .readback strong {
      display: block;
    }
    .chosen .error,
    .notice {
      flex: 1 1 100%;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .notice:empty {
      /* Out of the layout, but still in the accessibility tree: a live region must exist before it speaks. */
      position: absolute;
    }
    .map-message {
      padding: 0.75rem;
      background: var(--_meldpunt-surface);
      border-radius: var(--_meldpunt-radius);
    }
    @media (forced-colors: active) {
      [role='option'].active {
        outline-color: Highlight;
      }
      .chosen.has-choice {
        border: 1px solid CanvasText;
      }
    }
  `,
];
