function parse(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb
    .map((c) =>
      Math.max(0, Math.min(255, Math.round(c)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** Linear mix of two #rrggbb colours; t = 0 gives a, t = 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const ca = parse(a);
  const cb = parse(b);
  return toHex(ca.map((c, i) => c + (cb[i]! - c) * t));
}

/** Darkens towards a dusky blue, as light fades. */
export function dusk(color: string, shade: number): string {
  return shade <= 0 ? color : mix(color, "#1b1d3a", shade);
}

export function darker(color: string, amount = 0.2): string {
  return mix(color, "#000000", amount);
}

export function lighter(color: string, amount = 0.2): string {
  return mix(color, "#ffffff", amount);
}
