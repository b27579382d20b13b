import { css } from 'lit';

/**
 * What the configuration editor's sections share beyond the console's `formStyles`: groups of fields
 * (texts per language in a fieldset), lists whose items move up and down, the confirmation of a removal,
 * and the read-only view. Logical properties only; nothing wider than the screen at 320 px.
 */
export const sectionStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin-block-start: 2rem;
  }
  h3,
  h4 {
    font-size: 1.0625rem;
    margin-block: 0;
    overflow-wrap: anywhere;
  }
  form,
  .stack {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    max-inline-size: 44rem;
  }
  fieldset {
    border: 1px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    padding: 0.75rem var(--_meldpunt-space);
    margin: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
    min-inline-size: 0;
  }
  fieldset.plain {
    border: none;
    padding: 0;
  }
  legend {
    padding-inline: 0.25rem;
  }
  fieldset.plain legend {
    padding: 0;
    margin-block-end: 0.5rem;
  }
  input[type='color'] {
    inline-size: var(--_meldpunt-target);
    block-size: var(--_meldpunt-target);
    padding: 0.125rem;
    border: 2px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    background: var(--_meldpunt-background);
    cursor: pointer;
  }
  .items {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
  }
  .item {
    border: 1px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    padding: 0.75rem var(--_meldpunt-space);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
    min-inline-size: 0;
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
  }
  .item-head .tag {
    margin-inline-start: 0;
  }
  .group-title {
    font-weight: 600;
    margin: 0;
  }
  .muted {
    color: var(--_meldpunt-muted);
    margin: 0;
  }
  .button.small {
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
  }
  .confirm {
    border-inline-start: 4px solid var(--_meldpunt-error);
    background: var(--_meldpunt-surface);
    padding: 0.75rem var(--_meldpunt-space);
  }
  .confirm p {
    margin-block: 0 0.5rem;
  }
  dl.values {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dl.values dt {
    font-weight: 600;
  }
  dl.values dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  details > summary {
    cursor: pointer;
    min-block-size: var(--_meldpunt-target);
    display: flex;
    align-items: center;
    font-weight: 600;
    color: var(--_meldpunt-link);
  }
  details[open] > summary {
    margin-block-end: 0.5rem;
  }
  @media (max-width: 30rem) {
    dl.values {
      grid-template-columns: minmax(0, 1fr);
    }
    dl.values dd {
      margin-block-end: 0.5rem;
    }
  }
`;
