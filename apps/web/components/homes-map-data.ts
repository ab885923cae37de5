// What the search map and the small maps draw: homes as GeoJSON points (keyed by ListingKey, so a
// dot can be lit by feature state) and the box that holds them, over the tenant's tile style when
// one is configured, else over a plain local background with no remote sources.
import type { LayerSpecification, SourceSpecification, StyleSpecification, TransformStyleFunction } from "maplibre-gl";

export type MapPoint = { key: string; lat: number; lng: number; price: number };
export type MapArea = { west: number; south: number; east: number; north: number };

/** Where the map's worker is served (see scripts/copy-maplibre-worker.mjs). */
export const MAP_WORKER_URL = "/static/maplibre-gl-worker.mjs";

/** The map's plain background (no tile style is configured). */
export const MAP_BACKGROUND = { id: "background", type: "background", paint: { "background-color": "#e6eef0" } } as const;

export function homesGeoJson(points: readonly MapPoint[], focusKey?: string) {
  return {
    type: "FeatureCollection" as const,
    features: points.map((p) => ({
      type: "Feature" as const,
      id: p.key,
      properties: { key: p.key, price: p.price, focus: p.key === focusKey },
      geometry: { type: "Point" as const, coordinates: [p.lng, p.lat] },
    })),
  };
}

/** [west, south, east, north] around the points, or undefined when there are none. */
export function pointsBounds(points: readonly MapPoint[]): [number, number, number, number] | undefined {
  if (points.length === 0) return undefined;
  return [
    Math.min(...points.map((p) => p.lng)),
    Math.min(...points.map((p) => p.lat)),
    Math.max(...points.map((p) => p.lng)),
    Math.max(...points.map((p) => p.lat)),
  ];
}

/**
 * The map's style options: the configured style URL (fetched by MapLibre) or the plain local
 * style, with the homes' source and layers added on top once the style is in (transformStyle), so
 * the dots draw the same over any style.
 */
export function mapStyleOptions(
  styleUrl: string | null,
  homes: { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] },
): { style: string | StyleSpecification; transformStyle: TransformStyleFunction; attributionControl: false | { compact: true } } {
  return {
    style: styleUrl ?? { version: 8, sources: {}, layers: [MAP_BACKGROUND] },
    transformStyle: (_previous, next) => ({
      ...next,
      sources: { ...next.sources, ...homes.sources },
      layers: [...next.layers, ...homes.layers],
    }),
    // A tile style's data comes with its attribution (OpenStreetMap and the like); the local style has none.
    attributionControl: styleUrl ? { compact: true } : false,
  };
}
