import { css } from 'lit';

/**
 * What the inbox and the report page share: tables that scroll sideways inside their box at 320 px (the
 * page itself never does), the marks (demo, delivery problem), success messages, definition lists of
 * what the reporter gave, and the row of actions. Logical properties only; adopt after `formStyles`.
 */
export const reportStyles = css`
  .back {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_meldpunt-target);
  }
  .table-box {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  .table-box:focus-visible {
    outline: 3px solid var(--_meldpunt-focus);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.5rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem;
    border-block-end: 1px solid var(--_meldpunt-border);
    overflow-wrap: anywhere;
  }
  th a {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_meldpunt-target);
  }
  .tag.warning {
    border-color: var(--_meldpunt-error);
    color: var(--_meldpunt-error);
    font-weight: 600;
  }
  .muted {
    color: var(--_meldpunt-muted);
  }
  .message.success {
    border-inline-start-color: var(--_meldpunt-primary);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(0, 12rem) minmax(0, 1fr);
    gap: 0.5rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (max-width: 40rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  fieldset {
    border: 1px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
    min-inline-size: 0;
  }
  .actions {
    margin-block: 0.75rem;
  }
  section {
    margin-block-end: 1.5rem;
  }
`;
