import { css } from 'lit';

/**
 * The operator's forms: fields (label, hint, control, error), the municipality listbox, a checkbox
 * line and the step summary. Our tokens only, logical properties, targets of at least 44 px, and
 * nothing wider than the screen at 320 px.
 */
export const operatorStyles = css`
  form,
  section {
    max-inline-size: 40rem;
  }
  .field {
    margin-block: 1rem;
  }
  .field label {
    display: block;
    font-weight: 600;
  }
  .hint {
    margin-block: 0.25rem;
    color: var(--_meldpunt-muted);
  }
  input[type='text'],
  input[type='email'],
  input[type='search'] {
    display: block;
    inline-size: 100%;
    min-block-size: var(--_meldpunt-target);
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    background: var(--_meldpunt-background);
    color: var(--_meldpunt-text);
    font: inherit;
  }
  input[aria-invalid='true'] {
    border-color: var(--_meldpunt-error);
  }
  input:focus-visible,
  [role='option']:focus-visible {
    outline: 3px solid var(--_meldpunt-focus);
    outline-offset: 2px;
  }
  .field-error {
    color: var(--_meldpunt-error);
    font-weight: 600;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: var(--_meldpunt-target);
  }
  .check input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
  }
  [role='listbox'] {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
    border: 1px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    max-block-size: 16rem;
    overflow-y: auto;
  }
  [role='option'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    align-items: baseline;
    min-block-size: var(--_meldpunt-target);
    padding: 0.5rem 0.75rem;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  [role='option'] small {
    color: var(--_meldpunt-muted);
  }
  [role='option'][aria-selected='true'] {
    background: var(--_meldpunt-surface);
    outline: 3px solid var(--_meldpunt-focus);
    outline-offset: -3px;
  }
  [role='option'][aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_meldpunt-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block: 1.5rem;
  }
  .summary li {
    margin-block: 0.5rem;
    max-inline-size: 65ch;
  }
  h2[tabindex='-1']:focus,
  .message[tabindex='-1']:focus {
    outline: 3px solid var(--_meldpunt-focus);
    outline-offset: 2px;
  }
`;
