import { css } from 'lit';

/**
 * Web Awesome themed with our one token chain: its `--wa-*` properties point at the private tokens of
 * `@meldpunt/ui/tokens` (which resolve the NL Design System tokens, then our defaults), so a button in a
 * dialog has the colours, focus ring, font and radius of every other Meldpunt element. Adopted by the
 * root element after `tokens`; Web Awesome's elements inside it inherit these. Its base theme
 * (`themes/default.css`, loaded by `main.ts`) supplies the rest (spacing, shadows, sizes).
 */
export const webAwesomeTheme = css`
  :host {
    --wa-color-brand-fill-loud: var(--_meldpunt-primary);
    --wa-color-brand-on-loud: var(--_meldpunt-on-primary);
    --wa-color-brand-border-loud: var(--_meldpunt-primary);
    --wa-color-brand-on-quiet: var(--_meldpunt-link);
    --wa-color-brand-on-normal: var(--_meldpunt-link);
    --wa-color-brand-border-normal: var(--_meldpunt-link);
    --wa-color-brand-fill-quiet: var(--_meldpunt-surface);
    --wa-color-neutral-fill-loud: var(--_meldpunt-text);
    --wa-color-neutral-on-loud: var(--_meldpunt-background);
    --wa-color-neutral-on-quiet: var(--_meldpunt-text);
    --wa-color-neutral-on-normal: var(--_meldpunt-text);
    --wa-color-neutral-border-loud: var(--_meldpunt-border);
    --wa-color-neutral-border-normal: var(--_meldpunt-border);
    --wa-color-neutral-fill-quiet: var(--_meldpunt-surface);
    --wa-color-danger-on-quiet: var(--_meldpunt-error);
    --wa-color-danger-border-quiet: var(--_meldpunt-error);
    --wa-color-text-normal: var(--_meldpunt-text);
    --wa-color-text-quiet: var(--_meldpunt-muted);
    --wa-color-text-link: var(--_meldpunt-link);
    --wa-color-surface-default: var(--_meldpunt-background);
    --wa-color-surface-raised: var(--_meldpunt-background);
    --wa-color-surface-lowered: var(--_meldpunt-surface);
    --wa-color-surface-border: var(--_meldpunt-border);
    --wa-color-focus: var(--_meldpunt-focus);
    --wa-focus-ring-width: 3px;
    --wa-font-family-body: var(--_meldpunt-font);
    --wa-font-family-heading: var(--_meldpunt-font);
    --wa-border-radius-m: var(--_meldpunt-radius);
    --wa-border-radius-s: var(--_meldpunt-radius);
    --wa-form-control-height: var(--_meldpunt-target);
  }
`;

/**
 * What every console page shares (also the first screen, which carries no Web Awesome: its plain buttons
 * and messages are native elements styled here, so `pnpm bench:console` stays far below its budget): readable measure, headings, lists of cards, the "room to come" text.
 * Logical properties only; nothing wider than the screen at 320 px.
 */
export const pageStyles = css`
  :host {
    display: block;
    color: var(--_meldpunt-text);
    font-family: var(--_meldpunt-font);
  }
  h1 {
    font-size: 1.75rem;
    margin-block: 0 1rem;
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: 1.25rem;
    margin-block: 1.5rem 0.5rem;
  }
  p {
    max-inline-size: 65ch;
    line-height: 1.5;
  }
  a {
    color: var(--_meldpunt-link);
  }
  .cards {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
  }
  .card {
    border: 1px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    padding: var(--_meldpunt-space);
    background: var(--_meldpunt-background);
  }
  .card a {
    font-weight: 600;
    font-size: 1.125rem;
    display: inline-block;
    min-block-size: var(--_meldpunt-target);
    padding-block: 0.625rem;
  }
  .card p {
    margin-block: 0.25rem;
    color: var(--_meldpunt-muted);
  }
  .button {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_meldpunt-target);
    padding: 0.5rem 1rem;
    border: 2px solid var(--_meldpunt-primary);
    border-radius: var(--_meldpunt-radius);
    background: var(--_meldpunt-primary);
    color: var(--_meldpunt-on-primary);
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .button.secondary {
    background: var(--_meldpunt-background);
    color: var(--_meldpunt-link);
  }
  .button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  .message {
    border-inline-start: 4px solid var(--_meldpunt-border);
    background: var(--_meldpunt-surface);
    padding: 0.75rem var(--_meldpunt-space);
    margin-block: 1rem;
  }
  .message.error {
    border-inline-start-color: var(--_meldpunt-error);
  }
  .message p {
    margin-block: 0 0.5rem;
  }
  .tag {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: var(--_meldpunt-radius);
    padding-inline: 0.375rem;
    font-size: 0.875rem;
    margin-inline-start: 0.5rem;
  }
`;

/**
 * The console's form fields (the markup of `@meldpunt/ui/field`: `.field`, `label`, `.hint`, `.field-error`),
 * text inputs and check rows: one look for every form. Adopt after `pageStyles`. Targets are at least
 * 44 px high; an invalid control has the error colour as well as its message beside it.
 */
export const formStyles = css`
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
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
  input[type='url'],
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='number'],
  input[type='password'],
  select,
  textarea {
    font: inherit;
    min-block-size: var(--_meldpunt-target);
    padding: 0.5rem;
    border: 2px solid var(--_meldpunt-border);
    border-radius: var(--_meldpunt-radius);
    inline-size: 100%;
    box-sizing: border-box;
    color: var(--_meldpunt-text);
    background: var(--_meldpunt-background);
  }
  [aria-invalid='true'] {
    border-color: var(--_meldpunt-error);
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-block-size: var(--_meldpunt-target);
  }
  .check input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    flex: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
`;
