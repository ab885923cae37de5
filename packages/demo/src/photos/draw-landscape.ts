// Sky, hills, ground, trees and the open lot of the sample photos (photo coordinates).
import { darker, dusk, lighter } from "./color";
import { circle, line, polygon, rect } from "./draw-parts";
import type { PhotoScene } from "./photo-scenes";

export const WIDTH = 800;
export const HEIGHT = 520;
export const GROUND_Y = 410;

export function gradients(id: string, scene: PhotoScene): string {
  return (
    `<defs><linearGradient id="${id}-sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.sky[0]}"/><stop offset="1" stop-color="${scene.sky[1]}"/></linearGradient>` +
    `<linearGradient id="${id}-ground" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.ground[0]}"/><stop offset="1" stop-color="${scene.ground[1]}"/></linearGradient>` +
    `<radialGradient id="${id}-glow"><stop offset="0" stop-color="${scene.sun?.glow ?? "#ffffff"}" stop-opacity="0.9"/><stop offset="1" stop-color="${scene.sun?.glow ?? "#ffffff"}" stop-opacity="0"/></radialGradient></defs>`
  );
}

export function skyAndHills(id: string, scene: PhotoScene, seeds: readonly number[]): string {
  const out = [rect(0, 0, WIDTH, HEIGHT, `url(#${id}-sky)`)];
  if (scene.sun)
    out.push(circle(scene.sun.x, scene.sun.y, scene.sun.r * 3, `url(#${id}-glow)`), circle(scene.sun.x, scene.sun.y, scene.sun.r, scene.sun.color));
  seeds.slice(0, 3).forEach((s, i) => {
    const x = 80 + i * 250 + s * 120;
    const y = 60 + s * 70;
    const fill = scene.shade > 0.3 ? "#8c86b0" : "#ffffff";
    out.push(
      `<g opacity="${scene.snow ? 0.75 : 0.55}">${circle(x, y, 22, fill)}${circle(x + 26, y - 10, 28, fill)}${circle(x + 56, y, 20, fill)}${rect(x - 4, y, 66, 18, fill)}</g>`,
    );
  });
  const h = scene.hills;
  out.push(
    `<path d="M0 ${GROUND_Y - 70} Q 160 ${GROUND_Y - 140} 330 ${GROUND_Y - 80} T 640 ${GROUND_Y - 95} T 800 ${GROUND_Y - 60} V ${GROUND_Y} H 0 Z" fill="${h}"/>`,
  );
  out.push(`<path d="M0 ${GROUND_Y - 35} Q 220 ${GROUND_Y - 85} 470 ${GROUND_Y - 40} T 800 ${GROUND_Y - 45} V ${GROUND_Y} H 0 Z" fill="${darker(h, 0.12)}"/>`);
  return out.join("");
}

export function ground(id: string): string {
  return rect(0, GROUND_Y, WIDTH, HEIGHT - GROUND_Y, `url(#${id}-ground)`);
}

/** A walk from the front door down to the bottom edge of the photo. */
export function frontWalk(doorX: number, scene: PhotoScene): string {
  const stone = scene.snow ? "#dfe5ea" : dusk("#cfc6b4", scene.shade);
  return polygon(
    [
      [doorX - 20, GROUND_Y],
      [doorX + 20, GROUND_Y],
      [doorX + 70, HEIGHT],
      [doorX - 70, HEIGHT],
    ],
    stone,
  );
}

/** A leafy or evergreen tree whose trunk stands on (x, base); bare in winter. */
export function tree(x: number, base: number, size: number, seed: number, scene: PhotoScene): string {
  const evergreen = seed > 0.6;
  const trunk = dusk("#5b4330", scene.shade);
  if (evergreen) {
    const green = dusk(seed > 0.8 ? "#2f5d3a" : "#3b6b45", scene.shade);
    const tiers = [0, 1, 2].map((i) => {
      const w = size * (0.9 - i * 0.22);
      const y = base - size * 0.25 - i * size * 0.42;
      const tier = polygon(
        [
          [x - w, y],
          [x, y - size * 0.75],
          [x + w, y],
        ],
        green,
      );
      return scene.snow
        ? tier +
            polygon(
              [
                [x - w * 0.45, y - size * 0.42],
                [x, y - size * 0.75],
                [x + w * 0.45, y - size * 0.42],
              ],
              "#f7fafc",
            )
        : tier;
    });
    return rect(x - size * 0.07, base - size * 0.3, size * 0.14, size * 0.3, trunk) + tiers.join("");
  }
  const out = [rect(x - size * 0.08, base - size * 0.9, size * 0.16, size * 0.9, trunk)];
  if (scene.snow) {
    for (const [dx, dy] of [
      [-0.5, -1.5],
      [0.45, -1.6],
      [-0.2, -1.9],
      [0.3, -1.2],
      [-0.45, -1.1],
    ] as const) {
      out.push(line(x, base - size * 0.75, x + dx * size, base + dy * size * 0.8, trunk, Math.max(2, size * 0.05)));
    }
    return out.join("");
  }
  const leaf = dusk(seed < 0.25 ? "#5f9143" : seed < 0.45 ? "#4f8a3c" : "#6e9e3f", scene.shade);
  out.push(
    circle(x - size * 0.35, base - size * 1.05, size * 0.48, darker(leaf, 0.08)),
    circle(x + size * 0.35, base - size * 1.1, size * 0.5, leaf),
    circle(x, base - size * 1.45, size * 0.55, lighter(leaf, 0.06)),
  );
  return out.join("");
}

/** A New England dry-stone wall along the front of the lot. */
export function stoneWall(y: number, scene: PhotoScene): string {
  const out: string[] = [];
  for (let x = -10, i = 0; x < WIDTH + 20; x += 26, i++) {
    const c = dusk(i % 3 === 0 ? "#8d8b86" : i % 3 === 1 ? "#a29f98" : "#7b7a76", scene.shade);
    out.push(`<ellipse cx="${x}" cy="${y - (i % 2) * 6}" rx="17" ry="10" fill="${c}"/>`);
    if (scene.snow && i % 2 === 0) out.push(`<ellipse cx="${x}" cy="${y - 14}" rx="14" ry="4" fill="#f7fafc"/>`);
  }
  return out.join("");
}

/** An open lot: meadow, a split-rail fence, a blank lot marker and a few trees. */
export function openLot(scene: PhotoScene, seeds: readonly number[]): string {
  const out: string[] = [];
  const grass = scene.snow ? "#e8eef3" : dusk("#a3c46a", scene.shade);
  out.push(`<path d="M0 ${GROUND_Y + 10} Q 260 ${GROUND_Y - 30} 520 ${GROUND_Y + 5} T 800 ${GROUND_Y - 5} V ${HEIGHT} H 0 Z" fill="${grass}"/>`);
  const rail = dusk("#8b6a48", scene.shade);
  for (let x = 30; x < WIDTH; x += 95) out.push(rect(x, GROUND_Y + 40, 8, 50, rail));
  out.push(line(20, GROUND_Y + 55, WIDTH, GROUND_Y + 52, rail, 5), line(20, GROUND_Y + 75, WIDTH, GROUND_Y + 72, rail, 5));
  out.push(
    rect(548, GROUND_Y - 40, 8, 80, rail),
    rect(510, GROUND_Y - 70, 84, 44, dusk("#f4efe2", scene.shade)),
    rect(514, GROUND_Y - 66, 76, 6, dusk("#c0392b", scene.shade)),
  );
  seeds.forEach((s, i) => {
    out.push(tree(90 + i * 120 + s * 40, GROUND_Y - 10 - s * 25, 50 + s * 40, s, scene));
  });
  return out.join("");
}
