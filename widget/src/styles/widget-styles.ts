import { css } from 'lit';
import { baseStyles } from '@meldpunt/ui/base-styles';
import { tokens } from '@meldpunt/ui/tokens';

/**
 * The widget's look, on top of the one token chain and base styles of `@meldpunt/ui` (public
 * `--meldpunt-*` tokens → NL Design System tokens → the tenant's branding → defaults, resolved into the
 * private `--_meldpunt-*` properties used below). Logical properties only, so right-to-left works.
 */
export const widgetStyles = [
  tokens,
  baseStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      color: var(--_meldpunt-text);
      background: var(--_meldpunt-background);
      font-family: var(--_meldpunt-font);
      font-size: var(--meldpunt-font-size, 1rem);
      line-height: 1.5;
      text-align: start;
      min-inline-size: 0;
    }
    .widget {
      border: 1px solid var(--_meldpunt-border);
      border-radius: var(--_meldpunt-radius);
      padding: var(--_meldpunt-space);
      max-inline-size: 48rem;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      justify-content: space-between;
      margin-block-end: var(--_meldpunt-space);
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .emergency {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      justify-content: space-between;
      background: var(--meldpunt-emergency-background-color, #fff4e5);
      border-inline-start: 6px solid var(--meldpunt-emergency-border-color, #b45309);
      padding-block: 0.5rem;
      padding-inline: 0.75rem;
      margin-block-end: var(--_meldpunt-space);
      font-weight: 600;
    }
    .emergency p {
      margin: 0;
    }
    .logo {
      max-block-size: 3rem;
      max-inline-size: 12rem;
    }
    h2 {
      font-size: 1.5rem;
      line-height: 1.25;
      margin-block: 0.5rem 1rem;
    }
    /* The heading takes focus when a step opens: a ring only when the keyboard brought it there. */
    h2:focus:not(:focus-visible) {
      outline: none;
    }
    h3 {
      font-size: 1.125rem;
      margin-block: 1.25rem 0.5rem;
    }
    p {
      margin-block: 0 0.75rem;
    }
    .widget-title {
      font-size: 1.25rem;
      font-weight: 700;
      margin-block-end: 0.5rem;
    }
    .intro {
      margin-block-end: var(--_meldpunt-space);
    }
    .progress {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      color: var(--_meldpunt-muted);
      font-size: 0.9375rem;
    }
    progress {
      inline-size: 100%;
      block-size: 0.5rem;
      /* The tenant's accent (checked ≥ 3:1 against the background before publishing); the text above says the same. */
      accent-color: var(--meldpunt-accent-color, var(--_meldpunt-tenant-accent, var(--_meldpunt-primary)));
    }
    fieldset {
      border: 0;
      padding: 0;
      margin-block: 0 1rem;
      margin-inline: 0;
      min-inline-size: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-block-end: 0.5rem;
    }
    .choices {
      display: grid;
      gap: 0.5rem;
    }
    .choice {
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
      min-block-size: var(--_meldpunt-target);
      padding-block: 0.5rem;
      padding-inline: 0.75rem;
      border: 1px solid var(--_meldpunt-border);
      border-radius: var(--_meldpunt-radius);
      background: var(--_meldpunt-background);
      cursor: pointer;
    }
    .choice:has(input:checked) {
      border-color: var(--_meldpunt-primary);
      box-shadow: inset 0 0 0 1px var(--_meldpunt-primary);
      background: var(--_meldpunt-surface);
    }
    .choice input {
      inline-size: 1.5rem;
      block-size: 1.5rem;
      margin: 0;
      flex: none;
      accent-color: var(--_meldpunt-primary);
    }
    .choice > span {
      display: flex;
      flex-direction: column;
    }
    .hint {
      color: var(--_meldpunt-muted);
      font-size: 0.9375rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin-block-end: 1rem;
    }
    .field p {
      margin: 0;
    }
    label {
      font-weight: 600;
    }
    .choice,
    .choice label {
      font-weight: 400;
    }
    /* Text, e-mail, phone, date and time: every input in a field (choices are outside fields). */
    .field input,
    select,
    textarea {
      font: inherit;
      color: var(--_meldpunt-text);
      background: var(--_meldpunt-background);
      min-block-size: var(--_meldpunt-target);
      padding-block: 0.5rem;
      padding-inline: 0.75rem;
      border: 2px solid var(--_meldpunt-border);
      border-radius: var(--_meldpunt-radius);
      inline-size: 100%;
      max-inline-size: 100%;
    }
    input[type='date'],
    input[type='time'],
    select {
      max-inline-size: 20rem;
    }
    [aria-invalid='true'] {
      border-color: var(--_meldpunt-error);
      border-inline-start-width: 6px;
    }
    .field-error {
      color: var(--_meldpunt-error);
      font-weight: 600;
      margin-block: 0.25rem 0;
    }
    .error-summary {
      border: 3px solid var(--_meldpunt-error);
      border-radius: var(--_meldpunt-radius);
      padding: 0.75rem 1rem;
      margin-block-end: 1rem;
    }
    .error-summary:focus {
      outline: 3px solid var(--_meldpunt-focus);
      outline-offset: 2px;
    }
    .error-summary h3 {
      margin-block-start: 0;
    }
    .error-summary a {
      color: var(--_meldpunt-error);
      font-weight: 600;
    }
    button,
    .button {
      font: inherit;
      min-block-size: var(--_meldpunt-target);
      min-inline-size: var(--_meldpunt-target);
      padding-block: 0.5rem;
      padding-inline: 1.25rem;
      border-radius: var(--_meldpunt-radius);
      border: 2px solid var(--_meldpunt-primary);
      cursor: pointer;
      text-decoration: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
    }
    .primary {
      background: var(--_meldpunt-primary);
      color: var(--_meldpunt-on-primary);
      font-weight: 600;
    }
    .secondary {
      background: var(--_meldpunt-background);
      color: var(--_meldpunt-link);
      border-color: var(--_meldpunt-link);
    }
    .call {
      background: var(--meldpunt-emergency-border-color, #b45309);
      border-color: var(--meldpunt-emergency-border-color, #b45309);
      color: #fff;
      font-weight: 700;
    }
    .exit {
      background: var(--_meldpunt-text);
      border-color: var(--_meldpunt-text);
      color: var(--_meldpunt-background);
      font-weight: 700;
    }
    button[disabled] {
      opacity: 0.7;
      cursor: progress;
    }
    a {
      color: var(--_meldpunt-link);
    }
    #language {
      inline-size: auto;
      max-inline-size: 12rem;
    }
    .nav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      justify-content: space-between;
      margin-block-start: 1.5rem;
    }
    .nav .next {
      margin-inline-start: auto;
    }
    .help {
      background: var(--_meldpunt-surface);
      border-radius: var(--_meldpunt-radius);
      padding: var(--_meldpunt-space);
      margin-block-end: var(--_meldpunt-space);
    }
    .help ul {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.75rem;
    }
    .help li p {
      margin: 0;
    }
    .referral-name {
      font-weight: 600;
    }
    .footer-note {
      margin-block-start: 1.5rem;
      padding-block-start: 1rem;
      border-block-start: 1px solid var(--_meldpunt-border);
      font-size: 0.9375rem;
    }
    .tel {
      direction: ltr;
      unicode-bidi: isolate;
    }
    @container (max-width: 30rem) {
      .nav button {
        flex: 1 1 auto;
      }
    }
    @media (forced-colors: active) {
      .choice:has(input:checked) {
        border: 3px solid Highlight;
      }
      button,
      .button {
        border: 2px solid ButtonText;
      }
      [aria-invalid='true'],
      .error-summary {
        border-color: Mark;
      }
    }
  `,
];
