import { css } from 'lit';

/**
 * The look of the follow-up's elements, after `widgetStyles` (whose private custom properties it uses, and
 * which the tenant's branding reaches by inheritance). Logical properties only, so right to left works.
 */
export const followUpStyles = css`
  :host {
    container-type: normal;
  }
  .code-input {
    font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
    font-size: 1.25rem;
    letter-spacing: 0.08em;
    max-inline-size: 24rem;
    direction: ltr;
  }
  .alert {
    border: 3px solid var(--_meldpunt-error);
    border-radius: var(--_meldpunt-radius);
    padding: 0.75rem 1rem;
    margin-block-end: 1rem;
  }
  .alert p {
    margin: 0;
  }
  .notice {
    border-inline-start: 4px solid var(--_meldpunt-primary);
    padding-inline-start: 0.75rem;
  }
  .status {
    background: var(--_meldpunt-surface);
    border-radius: var(--_meldpunt-radius);
    padding: 0.75rem 1rem;
    margin-block: 1rem;
  }
  .thread {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.75rem;
  }
  .message {
    border: 1px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    padding: 0.75rem 1rem;
    max-inline-size: 90%;
  }
  .message.from-reporter {
    margin-inline-start: auto;
    background: var(--_meldpunt-surface);
  }
  .message-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    font-size: 0.9375rem;
    color: var(--_meldpunt-muted);
  }
  .message-from {
    font-weight: 600;
    color: var(--_meldpunt-text);
  }
  .message-body {
    white-space: pre-line;
    overflow-wrap: anywhere;
    margin: 0;
  }
  textarea {
    resize: vertical;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block: 0.75rem;
  }
  .confirm {
    border: 2px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    padding: 0.75rem 1rem;
    margin-block: 0.75rem;
  }
  .danger {
    background: var(--_meldpunt-error);
    border-color: var(--_meldpunt-error);
    color: var(--_meldpunt-background);
    font-weight: 600;
  }
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .scale .choice {
    align-items: center;
    gap: 0.5rem;
  }
  .scale-word {
    font-weight: 600;
  }
  .feedback {
    border-block-start: 1px solid var(--_meldpunt-border);
    margin-block-start: 1.5rem;
    padding-block-start: 1rem;
  }
  @media (forced-colors: active) {
    .alert {
      border-color: Mark;
    }
  }
`;
