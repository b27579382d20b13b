import { css } from 'lit';

/**
 * What every Meldpunt element's shadow root starts with, after `tokens` (whose private properties it
 * uses): `hidden` hides, border-box sizing, `.visually-hidden` (read by screen readers, not shown),
 * one focus ring for whatever has keyboard focus (an outline in the focus colour inside a ring in the
 * focus background colour, as NL Design System does; the system colour in forced-colours mode), and no
 * motion for those who ask for none.
 */
export const baseStyles = css`
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :focus-visible {
    outline: 3px solid var(--_meldpunt-focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_meldpunt-focus-background);
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
