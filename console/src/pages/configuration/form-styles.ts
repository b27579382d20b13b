import { css } from 'lit';

/**
 * The configuration editor's fields and dialogs (the texts section, publishing, the history): the markup
 * of `@meldpunt/ui/field` (`field`, `hint`, `field-error`), native controls at least 44 px high, lists of
 * action buttons that wrap at 320 px, and the native `<dialog>`. Logical properties only.
 */
export const formStyles = css`
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: 1rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_meldpunt-muted);
  }
  .field-error {
    margin: 0;
    color: var(--_meldpunt-error);
    font-weight: 600;
  }
  input[type='text'],
  input[type='url'],
  input[type='tel'],
  select,
  textarea {
    font: inherit;
    min-block-size: var(--_meldpunt-target);
    padding: 0.5rem;
    border: 2px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    inline-size: 100%;
    max-inline-size: 48rem;
    box-sizing: border-box;
    background: var(--_meldpunt-background);
    color: var(--_meldpunt-text);
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_meldpunt-error);
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
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
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
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
