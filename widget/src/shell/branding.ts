// The tenant's branding inside the shadow root: its colours and font as private custom properties, through a
// constructed stylesheet (no inline styles, so it works under a strict CSP).
import type { TenantConfig } from '@meldpunt/contracts';

/** `:host { --_meldpunt-tenant-primary: …; … }` for the tenant's colours and font, written into `sheet`. */
export function brandingSheet(config: TenantConfig, sheet: CSSStyleSheet = new CSSStyleSheet()): CSSStyleSheet {
  const { primaryColor, accentColor, textColor, backgroundColor, fontFamily } = config.branding;
  const declarations = [
    `--_meldpunt-tenant-primary: ${primaryColor};`,
    accentColor ? `--_meldpunt-tenant-accent: ${accentColor};` : '',
    textColor ? `--_meldpunt-tenant-text: ${textColor};` : '',
    backgroundColor ? `--_meldpunt-tenant-background: ${backgroundColor};` : '',
    fontFamily ? `--_meldpunt-tenant-font: ${fontFamily};` : '',
  ].join(' ');
  sheet.replaceSync(`:host { ${declarations} }`);
  return sheet;
}

/** Adds a constructed stylesheet to a shadow root, after those it has, once. */
export function adoptSheet(root: ShadowRoot | null, sheet: CSSStyleSheet | undefined): void {
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

/** The tenant's logo as an absolute URL (a relative one is relative to the service). */
export function logoUrl(config: TenantConfig, base: string): string | undefined {
  const logo = config.branding.logoUrl;
  return logo ? new URL(logo, base + '/').href : undefined;
}
