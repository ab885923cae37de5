// A tenant picks its brand and accent colours freely (a gold accent is common); text on or in
// those colours must still reach WCAG AA contrast (4.5:1). The site layout derives the text
// colours here, once, so every component that uses the tokens inherits readable text.

type Rgb = [number, number, number];

const AA = 4.5;

function parseHex(color: string): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((c, i) => c + (b[i]! - c) * t) as Rgb;
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [23, 32, 42];

/** The colour darkened just enough to reach AA as text on white (the colour itself when it already does). */
function readableOnWhite(rgb: Rgb): Rgb {
  for (let t = 0; t <= 1; t += 0.02) {
    const c = mix(rgb, [0, 0, 0], t);
    if (contrastRatio(c, WHITE) >= AA) return c;
  }
  return [0, 0, 0];
}

/** Text on a filled colour: white when it reaches AA, else the site's ink; and a hover fill that keeps it. */
function fill(rgb: Rgb): { ink: Rgb; hover: Rgb } {
  const light = contrastRatio(WHITE, rgb) < AA;
  if (light) return { ink: INK, hover: mix(rgb, WHITE, 0.25) };
  return { ink: WHITE, hover: mix(rgb, [0, 0, 0], 0.2) };
}

/**
 * CSS custom properties for a tenant's colours: `--brand`, `--accent` (fills), `--*-ink` (text on
 * the fill), `--*-hover` (the fill on hover, same ink) and `--*-text` (the colour as text on white).
 * A colour that is not a hex value is passed through with the default inks.
 */
export function brandColorVariables(options: { primaryColor: string; accentColor: string }): Record<string, string> {
  const vars: Record<string, string> = { "--brand": options.primaryColor, "--accent": options.accentColor };
  for (const [name, color] of [
    ["brand", options.primaryColor],
    ["accent", options.accentColor],
  ] as const) {
    const rgb = parseHex(color);
    if (!rgb) continue;
    const { ink, hover } = fill(rgb);
    vars[`--${name}-ink`] = toHex(ink);
    vars[`--${name}-hover`] = toHex(hover);
    vars[`--${name}-text`] = toHex(readableOnWhite(rgb));
  }
  return vars;
}
