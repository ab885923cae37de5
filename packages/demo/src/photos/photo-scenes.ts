// The five "shots" of every sample listing: the same house (colours come from the listing
// key) seen at different times of day and from slightly different positions.

export type PhotoScene = {
  caption: string;
  landCaption: string;
  sky: readonly [string, string];
  ground: readonly [string, string];
  hills: string;
  sun: { x: number; y: number; r: number; color: string; glow: string } | null;
  /** 0 = full daylight colours, 1 = deep dusk. */
  shade: number;
  litWindows: boolean;
  snow: boolean;
  /** Camera: horizontal shift and zoom of the building. */
  shiftX: number;
  zoom: number;
};

export const PHOTO_SCENES: readonly PhotoScene[] = [
  {
    caption: "Front exterior",
    landCaption: "The lot",
    sky: ["#7fb7e6", "#d8ecf8"],
    ground: ["#7dbb5c", "#4f8f3a"],
    hills: "#9cc3a4",
    sun: { x: 660, y: 90, r: 34, color: "#fff6c9", glow: "#fffbe6" },
    shade: 0,
    litWindows: false,
    snow: false,
    shiftX: 0,
    zoom: 1,
  },
  {
    caption: "Exterior at golden hour",
    landCaption: "The lot at golden hour",
    sky: ["#f4a261", "#fde2b8"],
    ground: ["#9aab4f", "#5f7a32"],
    hills: "#c8a27a",
    sun: { x: 150, y: 230, r: 40, color: "#ffd27a", glow: "#ffe9b8" },
    shade: 0.15,
    litWindows: true,
    snow: false,
    shiftX: -50,
    zoom: 0.92,
  },
  {
    caption: "Exterior at dusk",
    landCaption: "The lot at dusk",
    sky: ["#2b2d5c", "#c86b85"],
    ground: ["#3d5a3a", "#243824"],
    hills: "#4b4468",
    sun: { x: 640, y: 70, r: 16, color: "#f3f0e0", glow: "#8f8bb8" },
    shade: 0.45,
    litWindows: true,
    snow: false,
    shiftX: 40,
    zoom: 0.96,
  },
  {
    caption: "Morning view from the street",
    landCaption: "Morning view across the lot",
    sky: ["#a9c9e8", "#f2efe6"],
    ground: ["#8cc06b", "#5d9a48"],
    hills: "#b7cdbf",
    sun: { x: 110, y: 120, r: 30, color: "#fff3d6", glow: "#fffaf0" },
    shade: 0.05,
    litWindows: false,
    snow: false,
    shiftX: 70,
    zoom: 0.8,
  },
  {
    caption: "Exterior in winter",
    landCaption: "The lot in winter",
    sky: ["#9fb4c7", "#e4ebf0"],
    ground: ["#f4f7fa", "#d5dee6"],
    hills: "#c5d1dc",
    sun: null,
    shade: 0.1,
    litWindows: true,
    snow: true,
    shiftX: -20,
    zoom: 0.9,
  },
];

export function sceneFor(index: number): PhotoScene {
  const i = (((Math.floor(index) - 1) % PHOTO_SCENES.length) + PHOTO_SCENES.length) % PHOTO_SCENES.length;
  return PHOTO_SCENES[i]!;
}

export function isLandSubType(propertySubType: string | null | undefined): boolean {
  return propertySubType === "UnimprovedLand" || propertySubType === "Land";
}

/** The caption of photo `index` (1-based) of a listing, matching what the renderer draws. */
export function listingPhotoCaption(index: number, propertySubType: string | null | undefined): string {
  const scene = sceneFor(index);
  return isLandSubType(propertySubType) ? scene.landCaption : scene.caption;
}
