import { css } from 'lit';

/**
 * The look of the steps after the Where step and of the confirmation. It loads with them (`later.ts`)
 * and the element adopts it into its shadow root then, after `widgetStyles` (whose custom properties
 * it uses): a constructed stylesheet, so strict CSP holds.
 */
export const laterStyles = css`
  .choices-inline {
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
  }
  .choices-inline legend {
    grid-column: 1 / -1;
  }
  .optional {
    font-weight: 400;
    color: var(--_meldpunt-muted);
  }
  textarea {
    resize: vertical;
  }
  .link-button {
    background: none;
    border: 0;
    padding-inline: 0.25rem;
    color: var(--_meldpunt-link);
    text-decoration: underline;
  }
  .review {
    margin: 0;
  }
  .review-row {
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) 2fr auto;
    gap: 0.5rem 1rem;
    padding-block: 0.75rem;
    border-block-end: 1px solid var(--_meldpunt-border);
  }
  .review dt {
    font-weight: 600;
  }
  .review dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .review-text {
    display: block;
    white-space: pre-line;
  }
  .why summary {
    cursor: pointer;
    min-block-size: var(--_meldpunt-target);
    display: flex;
    align-items: center;
    color: var(--_meldpunt-link);
  }
  .reference {
    border: 2px dashed var(--_meldpunt-primary);
    border-radius: var(--_meldpunt-radius);
    padding: var(--_meldpunt-space);
    margin-block: 1rem;
  }
  .reference-code {
    font-size: 1.75rem;
    font-weight: 700;
    letter-spacing: 0.1em;
    font-variant-numeric: tabular-nums;
    direction: ltr;
    unicode-bidi: isolate;
  }
  /* The receipt code: monospace, so 0 and O, 1 and I never look alike; it may wrap on a narrow phone. */
  .receipt-code {
    font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  .done-logo {
    max-block-size: 4rem;
    max-inline-size: 14rem;
    margin-block-end: 1rem;
  }
  .response-body {
    white-space: pre-line;
  }
  .route-notice {
    margin-block-start: 0.5rem;
    padding-inline-start: 0.5rem;
    border-inline-start: 4px solid var(--_meldpunt-primary);
  }
  .forwarded {
    font-weight: 600;
  }
  /* Sending failed (sending is in this chunk, so is its message). */
  .send-error {
    border: 3px solid var(--_meldpunt-error);
    border-radius: var(--_meldpunt-radius);
    padding: 0.75rem 1rem;
    margin-block-end: 1rem;
  }
  .send-error:focus {
    outline: 3px solid var(--_meldpunt-focus);
    outline-offset: 2px;
  }
  .send-error p {
    margin-block-start: 0;
  }
  @media (forced-colors: active) {
    .send-error {
      border-color: Mark;
    }
  }
  @container (max-width: 30rem) {
    .review-row {
      grid-template-columns: 1fr auto;
    }
    .review-row dd:not(.review-change) {
      grid-column: 1 / -1;
    }
  }
`;
