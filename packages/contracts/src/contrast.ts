/**
 * The branding's contrast check, WCAG 2.2 (success criteria 1.4.3 and 1.4.11): relative luminance and
 * contrast ratio of `#rrggbb` colours, and the checks a tenant's colours must pass before publishing.
 *
 * A module of its own, without zod, with its own export (`@meldpunt/contracts/contrast`): the console
 * shows the same live check the service enforces, without bringing the schemas into its bundle.
 */

/** The colours the widget uses where the tenant sets none (`packages/ui/src/tokens.ts`). */
export const widgetColourDefaults = {
  /** Text on a primary button (`--_meldpunt-on-primary`). */
  onPrimary: '#ffffff',
  text: '#1b1b1b',
  background: '#ffffff',
} as const;

/** WCAG's relative luminance of an sRGB colour written `#rrggbb` (0 black … 1 white). */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG's contrast ratio of two colours, 1 … 21 (order does not matter). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colours of a tenant's branding that the checks read (as in its config). */
export interface BrandingColours {
  primaryColor: string;
  accentColor?: string | undefined;
  textColor?: string | undefined;
  backgroundColor?: string | undefined;
}

export interface ContrastCheck {
  /** What is checked: `text-on-primary` (button text), `text` (body text), `primary`/`accent` (UI components). */
  id: 'text-on-primary' | 'text' | 'primary' | 'accent';
  /** JSON Pointer of the colour to change in the config, e.g. `/branding/primaryColor`. */
  path: string;
  foreground: string;
  background: string;
  /** The ratio, rounded down to two decimals (so 4.499 never shows as a passing 4.5). */
  ratio: number;
  /** 4.5 for text, 3 for UI components. */
  minimum: number;
  passes: boolean;
}

const floor2 = (n: number) => Math.floor(n * 100) / 100;

/**
 * Every contrast the widget depends on: the text on primary buttons (4.5:1), body text on the
 * background (4.5:1), and primary and accent as UI components against the background (3:1).
 */
export function brandingContrastChecks(branding: BrandingColours): ContrastCheck[] {
  const background = branding.backgroundColor ?? widgetColourDefaults.background;
  const backgroundPath = '/branding/backgroundColor';
  const check = (
    id: ContrastCheck['id'],
    path: string,
    foreground: string,
    against: string,
    minimum: number,
  ): ContrastCheck => {
    const ratio = floor2(contrastRatio(foreground, against));
    return { id, path, foreground, background: against, ratio, minimum, passes: ratio >= minimum };
  };
  const checks = [
    check('text-on-primary', '/branding/primaryColor', widgetColourDefaults.onPrimary, branding.primaryColor, 4.5),
    check(
      'text',
      branding.textColor ? '/branding/textColor' : backgroundPath,
      branding.textColor ?? widgetColourDefaults.text,
      background,
      4.5,
    ),
    check('primary', '/branding/primaryColor', branding.primaryColor, background, 3),
  ];
  if (branding.accentColor) checks.push(check('accent', '/branding/accentColor', branding.accentColor, background, 3));
  return checks;
}
