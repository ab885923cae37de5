// SVG primitives for the sample photos. Coordinates are local to a building whose ground line is
// y = 0 and whose centre is x = 0 (buildings extend upwards, into negative y).

const n = (v: number) => Math.round(v * 10) / 10;

export function rect(x: number, y: number, w: number, h: number, fill: string, extra = ""): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}"${extra ? ` ${extra}` : ""}/>`;
}

export function polygon(points: readonly (readonly [number, number])[], fill: string, extra = ""): string {
  return `<polygon points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ")}" fill="${fill}"${extra ? ` ${extra}` : ""}/>`;
}

export function circle(cx: number, cy: number, r: number, fill: string, extra = ""): string {
  return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}"${extra ? ` ${extra}` : ""}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${width}"/>`;
}

export type WindowStyle = { trim: string; lit: boolean; shutters?: string | null };

/** A framed window with mullions; glowing when the scene's lights are on. */
export function windowPane(x: number, y: number, w: number, h: number, style: WindowStyle): string {
  const glass = style.lit ? "#ffd978" : "#8fb1c9";
  const parts = [rect(x - 3, y - 3, w + 6, h + 6, style.trim), rect(x, y, w, h, glass)];
  if (!style.lit)
    parts.push(
      polygon(
        [
          [x, y + h],
          [x + w * 0.55, y],
          [x + w, y],
          [x + w, y + h * 0.25],
          [x + w * 0.3, y + h],
        ],
        "#ffffff",
        `opacity="0.18"`,
      ),
    );
  parts.push(line(x + w / 2, y, x + w / 2, y + h, style.trim, 2.5), line(x, y + h / 2, x + w, y + h / 2, style.trim, 2.5));
  if (style.shutters)
    parts.push(rect(x - 3 - w * 0.38, y - 3, w * 0.34, h + 6, style.shutters), rect(x + w + 3 + w * 0.04, y - 3, w * 0.34, h + 6, style.shutters));
  return parts.join("");
}

/** A panelled front door with a knob; its bottom sits on `bottom`. */
export function frontDoor(cx: number, bottom: number, w: number, h: number, color: string, trim: string): string {
  const x = cx - w / 2;
  const y = bottom - h;
  return [
    rect(x - 5, y - 6, w + 10, h + 6, trim),
    rect(x, y, w, h, color),
    rect(x + w * 0.15, y + h * 0.1, w * 0.7, h * 0.32, "#000000", `opacity="0.12"`),
    rect(x + w * 0.15, y + h * 0.5, w * 0.7, h * 0.38, "#000000", `opacity="0.12"`),
    circle(x + w * 0.8, y + h * 0.55, 2.5, "#e8c55a"),
  ].join("");
}

/** A gable roof over [left, right] from the eave line `eave` up to `ridge`. */
export function gableRoof(left: number, right: number, eave: number, ridge: number, color: string, overhang = 16): string {
  const mid = (left + right) / 2;
  return [
    polygon(
      [
        [left - overhang, eave],
        [mid, ridge],
        [right + overhang, eave],
      ],
      color,
    ),
    polygon(
      [
        [left - overhang, eave],
        [mid, ridge],
        [mid, ridge + 8],
        [left - overhang + 10, eave],
      ],
      "#ffffff",
      `opacity="0.08"`,
    ),
  ].join("");
}

/** Snow lying on a gable roof. */
export function roofSnow(left: number, right: number, eave: number, ridge: number, overhang = 16): string {
  const mid = (left + right) / 2;
  return polygon(
    [
      [left - overhang, eave],
      [mid, ridge - 2],
      [right + overhang, eave],
      [right + overhang - 6, eave + 5],
      [mid, ridge + 12],
      [left - overhang + 6, eave + 5],
    ],
    "#f7fafc",
  );
}

export function garageDoor(x: number, bottom: number, w: number, h: number, color: string, trim: string): string {
  const parts = [rect(x - 4, bottom - h - 4, w + 8, h + 4, trim), rect(x, bottom - h, w, h, color)];
  for (let i = 1; i < 4; i++) parts.push(line(x, bottom - h + (h * i) / 4, x + w, bottom - h + (h * i) / 4, "#000000", 1.2).replace("/>", ` opacity="0.2"/>`));
  return parts.join("");
}
