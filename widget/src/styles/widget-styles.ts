import { css } from 'lit';

/**
 * The widget's look. Every themable value is a custom property with a fallback chain:
 * `--meldpunt-*` (set by the host page) → NL Design System tokens on the host page (`--basis-*`,
 * `--utrecht-*`) → the tenant's branding from its config (`--_meldpunt-tenant-*`, set by the
 * element) → a safe default. Logical properties only, so right-to-left works.
 */
export const widgetStyles = css`
  :host {
    --_primary: var(
      --meldpunt-primary-color,
      var(
        --utrecht-button-primary-action-background-color,
        var(--basis-color-action-1-inverse-bg-default, var(--_meldpunt-tenant-primary, #1a4d8f))
      )
    );
    --_on-primary: var(
      --meldpunt-on-primary-color,
      var(--utrecht-button-primary-action-color, var(--basis-color-action-1-inverse-color-default, #ffffff))
    );
    --_link: var(
      --meldpunt-link-color,
      var(--utrecht-link-color, var(--basis-color-action-1-color-default, var(--_primary)))
    );
    --_accent: var(
      --meldpunt-accent-color,
      var(--basis-color-accent-1-color-default, var(--_meldpunt-tenant-accent, var(--_primary)))
    );
    --_text: var(
      --meldpunt-text-color,
      var(--basis-color-default-color-document, var(--utrecht-document-color, var(--_meldpunt-tenant-text, #1b1b1b)))
    );
    --_muted: var(--meldpunt-muted-color, var(--basis-color-default-color-subtle, #4a4a4a));
    --_background: var(
      --meldpunt-background-color,
      var(
        --basis-color-default-bg-document,
        var(--utrecht-document-background-color, var(--_meldpunt-tenant-background, #ffffff))
      )
    );
    --_surface: var(--meldpunt-surface-color, var(--basis-color-default-bg-subtle, #f3f4f6));
    --_border: var(--meldpunt-border-color, var(--basis-color-default-border-default, #6b7280));
    --_error: var(--meldpunt-error-color, var(--basis-color-feedback-invalid-color-default, #b00020));
    --_emergency-bg: var(--meldpunt-emergency-background-color, #fff4e5);
    --_emergency-border: var(--meldpunt-emergency-border-color, #b45309);
    --_focus: var(
      --meldpunt-focus-color,
      var(--basis-focus-outline-color, var(--utrecht-focus-outline-color, #000000))
    );
    --_focus-bg: var(--meldpunt-focus-background-color, var(--basis-focus-background-color, #ffdd00));
    --_font: var(
      --meldpunt-font-family,
      var(
        --basis-text-font-family-default,
        var(--utrecht-document-font-family, var(--_meldpunt-tenant-font, system-ui, sans-serif))
      )
    );
    --_radius: var(--meldpunt-border-radius, var(--basis-border-radius-md, 6px));
    --_space: var(--meldpunt-space, 1rem);
    --_target: max(44px, var(--meldpunt-target-size, 44px));

    display: block;
    container-type: inline-size;
    color: var(--_text);
    background: var(--_background);
    font-family: var(--_font);
    font-size: var(--meldpunt-font-size, 1rem);
    line-height: 1.5;
    text-align: start;
    min-inline-size: 0;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .widget {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    max-inline-size: 48rem;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
    margin-block-end: var(--_space);
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
    background: var(--_emergency-bg);
    border-inline-start: 6px solid var(--_emergency-border);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    margin-block-end: var(--_space);
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
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
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
    margin-block-end: var(--_space);
  }
  .progress {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  progress {
    inline-size: 100%;
    block-size: 0.5rem;
    accent-color: var(--_primary);
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
    min-block-size: var(--_target);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 1px var(--_primary);
    background: var(--_surface);
  }
  .choice input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .choice > span {
    display: flex;
    flex-direction: column;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .choice .hint {
    margin: 0;
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
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='date'],
  input[type='time'],
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    min-block-size: var(--_target);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    inline-size: 100%;
    max-inline-size: 100%;
  }
  input[type='date'],
  input[type='time'],
  select {
    max-inline-size: 20rem;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-inline-start-width: 6px;
  }
  .field-error {
    color: var(--_error);
    font-weight: 600;
    margin-block: 0.25rem 0;
  }
  .error-summary,
  .send-error {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin-block-end: 1rem;
  }
  .error-summary:focus,
  .send-error:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .error-summary h3,
  .send-error p {
    margin-block-start: 0;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  button,
  .button {
    font: inherit;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-block: 0.5rem;
    padding-inline: 1.25rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
  }
  .primary {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .secondary {
    background: var(--_background);
    color: var(--_link);
    border-color: var(--_link);
  }
  .call {
    background: var(--_emergency-border);
    border-color: var(--_emergency-border);
    color: #ffffff;
    font-weight: 700;
  }
  .exit {
    background: var(--_text);
    border-color: var(--_text);
    color: var(--_background);
    font-weight: 700;
  }
  button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
  a {
    color: var(--_link);
  }
  #language {
    inline-size: auto;
    max-inline-size: 12rem;
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  summary:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus-bg);
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
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: var(--_space);
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
    border-block-start: 1px solid var(--_border);
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
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
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
    .error-summary,
    .send-error {
      border-color: Mark;
    }
    a:focus-visible,
    button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    textarea:focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
