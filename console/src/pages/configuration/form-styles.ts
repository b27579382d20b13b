import { css } from 'lit';
import { formStyles as consoleFormStyles } from '../../styles/theme.ts';

/**
 * The configuration editor's fields and dialogs (the texts section, publishing, the history): the
 * console's one `formStyles` (the markup of `@meldpunt/ui/field`, native controls at least 44 px high),
 * and what the editor adds — space between fields, long texts kept readable, fieldsets, the native
 * `<dialog>`, and a comparison's old and new values. Logical properties only.
 */
export const formStyles = [
  consoleFormStyles,
  css`
    .field {
      margin-block-end: 1rem;
    }
    input[type='text'],
    input[type='url'],
    input[type='tel'],
    select,
    textarea {
      max-inline-size: 48rem;
    }
    textarea {
      resize: vertical;
    }
    :focus-visible {
      outline: 3px solid var(--_meldpunt-focus);
      outline-offset: 2px;
    }
    fieldset {
      border: 1px solid var(--_meldpunt-border);
      border-radius: var(--_meldpunt-radius);
      padding: var(--_meldpunt-space);
      margin-block: 0 1rem;
      min-inline-size: 0;
    }
    .actions {
      align-items: center;
    }
    dialog {
      inline-size: min(40rem, calc(100vw - 2rem));
      max-block-size: calc(100vh - 2rem);
      box-sizing: border-box;
      border: 2px solid var(--_meldpunt-border);
      border-radius: var(--_meldpunt-radius);
      padding: var(--_meldpunt-space);
      background: var(--_meldpunt-background);
      color: var(--_meldpunt-text);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    dialog h2 {
      margin-block-start: 0;
    }
    .old,
    .new {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
];
