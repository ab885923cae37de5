// Sample listing photos, drawn as SVG on the server: no image files, no external hosts. The
// same listing key always gives the same house; the photo index picks the time of day.
import { hashString } from "../seed/random";
import { drawCondo, drawHouse, drawMultiFamily, drawTownhouses } from "./draw-buildings";
import { circle, rect } from "./draw-parts";
import { frontWalk, gradients, GROUND_Y, HEIGHT, openLot, skyAndHills, stoneWall, tree, WIDTH, ground } from "./draw-landscape";
import { litPalette, paletteFor, type Palette } from "./photo-palette";
import { isLandSubType, listingPhotoCaption, sceneFor, type PhotoScene } from "./photo-scenes";

export type ListingPhotoOptions = {
  listingKey: string;
  /** 1-based photo number; 1 is the front exterior by day. */
  index: number;
  /** RESO PropertySubType (SingleFamilyResidence, Condominium, Townhouse, Duplex, UnimprovedLand, ...). */
  propertySubType?: string | null;
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function buildingFor(subType: string | null | undefined, p: Palette, scene: PhotoScene): { svg: string; doorX: number } {
  switch (subType) {
    case "Condominium":
    case "Apartment":
    case "StockCooperative":
      return { svg: drawCondo(p, scene), doorX: 0 };
    case "Townhouse":
      return { svg: drawTownhouses(p, scene), doorX: -22 };
    case "Duplex":
    case "Triplex":
    case "Quadruplex":
    case "MultiFamily":
      return { svg: drawMultiFamily(p, scene), doorX: 0 };
    default:
      return { svg: drawHouse(p, scene), doorX: p.variant === 2 ? -30 : 0 };
  }
}

function shrubs(cx: number, zoom: number, scene: PhotoScene): string {
  const green = scene.snow ? "#e9eff4" : scene.shade > 0.3 ? "#2c4a2c" : "#3f7a3a";
  const out: string[] = [];
  for (const dx of [-150, -115, 115, 150]) out.push(circle(cx + dx * zoom, GROUND_Y + 2, 20 * zoom, green));
  return out.join("");
}

function snowfall(seed: number): string {
  const out: string[] = [];
  let s = seed;
  for (let i = 0; i < 70; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(circle(s % WIDTH, (s >>> 10) % (GROUND_Y + 60), 1.5 + (s % 3) * 0.6, "#ffffff", `opacity="0.8"`));
  }
  return out.join("");
}

function captionBadge(caption: string): string {
  const text = `Sample photo · ${caption}`;
  const w = Math.round(text.length * 7.1 + 24);
  return (
    rect(14, HEIGHT - 42, w, 28, "#000000", `rx="6" opacity="0.5"`) +
    `<text x="26" y="${HEIGHT - 23}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" font-size="13" fill="#ffffff">${escapeXml(text)}</text>`
  );
}

/** A deterministic SVG illustration for photo `index` of a sample listing. */
export function renderListingPhotoSvg(options: ListingPhotoOptions): string {
  const scene = sceneFor(options.index);
  const base = paletteFor(options.listingKey);
  const p = litPalette(base, scene);
  const caption = listingPhotoCaption(options.index, options.propertySubType);
  const id = `lp${hashString(`${options.listingKey}:${options.index}`).toString(36)}`;
  const body: string[] = [gradients(id, scene), skyAndHills(id, scene, base.treeSeeds), ground(id)];
  if (isLandSubType(options.propertySubType)) {
    body.push(openLot(scene, base.treeSeeds.slice(0, 5)));
  } else {
    const cx = WIDTH / 2 + scene.shiftX;
    const { svg, doorX } = buildingFor(options.propertySubType, p, scene);
    body.push(tree(70, GROUND_Y - 5, 70, base.treeSeeds[0]!, scene), tree(WIDTH - 60, GROUND_Y - 8, 80, base.treeSeeds[1]!, scene));
    body.push(frontWalk(cx + doorX * scene.zoom, scene));
    body.push(`<g transform="translate(${cx} ${GROUND_Y + 2}) scale(${scene.zoom})">${svg}</g>`);
    body.push(shrubs(cx, scene.zoom, scene), stoneWall(HEIGHT - 24, scene));
    body.push(tree(cx - 300 * scene.zoom, GROUND_Y + 40, 60, base.treeSeeds[2]!, scene));
  }
  if (scene.snow) body.push(snowfall(hashString(options.listingKey)));
  body.push(captionBadge(caption));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeXml(`Sample photo (illustration): ${caption}`)}">` +
    body.join("") +
    `</svg>`
  );
}
