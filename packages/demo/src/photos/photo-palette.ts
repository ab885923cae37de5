// A listing's colours: picked once from its key, so all of its photos show the same house.
import { createRng } from "../seed/random";
import { dusk } from "./color";
import type { PhotoScene } from "./photo-scenes";

const SIDING = ["#f2efe6", "#f3e3b3", "#a9b99a", "#8fa7bf", "#9c3d32", "#b7b7b2", "#e9dcc5", "#3f4f6b", "#c9b8a0", "#dfe6e9"];
const ROOF = ["#3b3f45", "#55606b", "#5b4636", "#2f4a3a", "#7a6a58", "#4a3b3b"];
const DOOR = ["#a4262c", "#1f3a5f", "#222222", "#2e6b4f", "#d9a420", "#6b2d5c"];
const TRIM = ["#ffffff", "#f7f3ea", "#efe9dc"];
const CONDO = ["#c98b6b", "#d8cbb5", "#9aa5ad", "#b35c44", "#e2d8c4"];

export type Palette = {
  siding: string;
  sidings: readonly string[];
  roof: string;
  door: string;
  trim: string;
  condo: string;
  shutters: boolean;
  variant: number;
  garage: boolean;
  treeSeeds: readonly number[];
};

export function paletteFor(listingKey: string): Palette {
  const rng = createRng(`photo:${listingKey}`);
  const siding = rng.pick(SIDING);
  return {
    siding,
    sidings: [siding, rng.pick(SIDING), rng.pick(SIDING)],
    roof: rng.pick(ROOF),
    door: rng.pick(DOOR),
    trim: rng.pick(TRIM),
    condo: rng.pick(CONDO),
    shutters: rng.chance(0.55),
    variant: rng.int(0, 2),
    garage: rng.chance(0.5),
    treeSeeds: Array.from({ length: 6 }, () => rng.next()),
  };
}

/** The palette as the scene's light shows it. */
export function litPalette(p: Palette, scene: PhotoScene): Palette {
  const s = scene.shade;
  return {
    ...p,
    siding: dusk(p.siding, s),
    sidings: p.sidings.map((c) => dusk(c, s)),
    roof: dusk(p.roof, s),
    door: dusk(p.door, s),
    trim: dusk(p.trim, s),
    condo: dusk(p.condo, s),
  };
}
