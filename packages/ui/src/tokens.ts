import { css } from 'lit';

/**
 * The one token chain of every Meldpunt element. Each themable value is a private custom property
 * (`--_meldpunt-*`, never set from outside) resolved once on the element's `:host` in this order:
 *
 * 1. the public token the host page sets (`--meldpunt-primary-color`),
 * 2. NL Design System tokens of the host page (`--utrecht-*`, `--basis-*`),
 * 3. the tenant's branding from its published config (`--_meldpunt-tenant-primary`, `-text`, `-background`,
 *    `-font`: the widget sets them on its host from `config.branding`, and elements
 *    inside it inherit them),
 * 4. a safe default.
 *
 * An element adopts it first (`static styles = [tokens, baseStyles, css`…`]`) and styles itself only
 * with the private names; elements nested in another declare the same chain, so each one also works on
 * its own. The chains live here and nowhere else (`test/no-copied-tokens.test.ts` checks the tree).
 *
 * @cssproperty --meldpunt-primary-color - Buttons, progress, the pin; the strong (inverse) action colour of NL DS.
 * @cssproperty --meldpunt-on-primary-color - Text on primary buttons.
 * @cssproperty --meldpunt-link-color - Links and secondary buttons.
 * @cssproperty --meldpunt-text-color - Text.
 * @cssproperty --meldpunt-muted-color - Hints.
 * @cssproperty --meldpunt-background-color - Background of the element and its fields.
 * @cssproperty --meldpunt-surface-color - Panels and chosen options.
 * @cssproperty --meldpunt-border-color - Borders of fields.
 * @cssproperty --meldpunt-error-color - Error messages and invalid fields.
 * @cssproperty --meldpunt-focus-color - Focus outline.
 * @cssproperty --meldpunt-focus-background-color - The ring around the focus outline.
 * @cssproperty --meldpunt-font-family - Font.
 * @cssproperty --meldpunt-border-radius - Corner radius.
 * @cssproperty --meldpunt-space - Padding of boxes.
 * @cssproperty --meldpunt-target-size - Minimum size of targets (never below 44px).
 */
// One chain a line, left as written: custom property values keep their whitespace through the minifier.
// prettier-ignore
export const tokens = css`
  :host {
    --_meldpunt-primary: var(--meldpunt-primary-color, var(--utrecht-button-primary-action-background-color, var(--basis-color-action-1-inverse-bg-default, var(--_meldpunt-tenant-primary, #1a4d8f))));
    --_meldpunt-on-primary: var(--meldpunt-on-primary-color, var(--utrecht-button-primary-action-color, var(--basis-color-action-1-inverse-color-default, #fff)));
    --_meldpunt-link: var(--meldpunt-link-color, var(--utrecht-link-color, var(--basis-color-action-1-color-default, var(--_meldpunt-primary))));
    --_meldpunt-text: var(--meldpunt-text-color, var(--basis-color-default-color-document, var(--utrecht-document-color, var(--_meldpunt-tenant-text, #1b1b1b))));
    --_meldpunt-muted: var(--meldpunt-muted-color, var(--basis-color-default-color-subtle, #4a4a4a));
    --_meldpunt-background: var(--meldpunt-background-color, var(--basis-color-default-bg-document, var(--utrecht-document-background-color, var(--_meldpunt-tenant-background, #fff))));
    --_meldpunt-surface: var(--meldpunt-surface-color, var(--basis-color-default-bg-subtle, #f3f4f6));
    --_meldpunt-border: var(--meldpunt-border-color, var(--basis-color-default-border-default, #6b7280));
    --_meldpunt-error: var(--meldpunt-error-color, var(--basis-color-feedback-invalid-color-default, #b00020));
    --_meldpunt-focus: var(--meldpunt-focus-color, var(--basis-focus-outline-color, var(--utrecht-focus-outline-color, #000)));
    --_meldpunt-focus-background: var(--meldpunt-focus-background-color, var(--basis-focus-background-color, #fd0));
    --_meldpunt-font: var(--meldpunt-font-family, var(--basis-text-font-family-default, var(--utrecht-document-font-family, var(--_meldpunt-tenant-font, system-ui, sans-serif))));
    --_meldpunt-radius: var(--meldpunt-border-radius, var(--basis-border-radius-md, 6px));
    --_meldpunt-space: var(--meldpunt-space, 1rem);
    --_meldpunt-target: max(44px, var(--meldpunt-target-size, 44px));
  }
`;
