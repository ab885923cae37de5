"use client";

// The search map (MapLibre GL JS): the homes of the current search as clustered dots, drawn from
// our own data over the tenant's tile style when one is configured, else over a plain local
// background with no tile server (homes-map-data.ts, mapStyleOptions). The
// library and its worker are served from the site's own origin: the worker is a static file
// (public/static, copied from the package at build) that the library loads as a module worker.
// The list stays the primary, keyboard- and screen-reader-usable view; the map adds "search this
// area", which puts the map's bounds in the URL so the list and the map show the same homes.
// On a wide screen the map is drawn when its box comes near the viewport; on a phone the list
// comes first and the map (a megabyte of script and a WebGL context) only when asked for with
// "Show the map". The box's size is set by CSS before any script runs, so nothing shifts.
import { useEffect, useRef, useState } from "react";
import { homesGeoJson, MAP_WORKER_URL, mapStyleOptions, pointsBounds, type MapArea, type MapPoint } from "./homes-map-data";

export type { MapArea, MapPoint } from "./homes-map-data";

const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** Screens at least this wide draw the map by themselves; narrower ones on request (listings.css agrees). */
const WIDE_SCREEN = "(min-width: 701px)";

export function SearchMap({
  points,
  area,
  searchHrefBase,
  styleUrl,
}: {
  points: MapPoint[];
  area: MapArea | null;
  searchHrefBase: string;
  /** The tenant's MapLibre style URL; null: the plain local style. */
  styleUrl: string | null;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [moved, setMoved] = useState<MapArea | null>(null);
  const [failed, setFailed] = useState(false);
  // "asked": the visitor pressed "Show the map" (narrow screens); "auto": a wide screen.
  const [wanted, setWanted] = useState<"no" | "auto" | "asked">("no");

  useEffect(() => {
    if (wanted !== "no") return;
    const element = container.current;
    if (!element) return;
    const wide = window.matchMedia(WIDE_SCREEN);
    let observer: IntersectionObserver | null = null;
    const watch = () => {
      if (!wide.matches || observer) return;
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) setWanted("auto");
        },
        { rootMargin: "200px 0px" },
      );
      observer.observe(element);
    };
    watch();
    wide.addEventListener("change", watch);
    return () => {
      wide.removeEventListener("change", watch);
      observer?.disconnect();
    };
  }, [wanted]);

  useEffect(() => {
    if (wanted === "no") return;
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      try {
        const maplibregl = await import("./load-maplibre");
        if (disposed || !container.current) return;
        maplibregl.setWorkerUrl(new URL(MAP_WORKER_URL, window.location.origin).href);
        const data = homesGeoJson(points);
        const map = new maplibregl.Map({
          container: container.current,
          ...mapStyleOptions(styleUrl, {
            sources: { homes: { type: "geojson", data, cluster: true, clusterRadius: 36, promoteId: "key" } },
            layers: [
              {
                id: "clusters",
                type: "circle",
                source: "homes",
                filter: ["has", "point_count"],
                paint: {
                  "circle-color": "#0f766e",
                  "circle-opacity": 0.8,
                  "circle-radius": ["step", ["get", "point_count"], 12, 10, 16, 50, 22, 200, 28],
                  "circle-stroke-width": 2,
                  "circle-stroke-color": "#ffffff",
                },
              },
              {
                id: "homes",
                type: "circle",
                source: "homes",
                filter: ["!", ["has", "point_count"]],
                paint: {
                  "circle-color": ["case", ["boolean", ["feature-state", "active"], false], "#f59e0b", "#0f766e"],
                  "circle-radius": ["case", ["boolean", ["feature-state", "active"], false], 9, 6],
                  "circle-stroke-width": 2,
                  "circle-stroke-color": "#ffffff",
                },
              },
            ],
          }),
          bounds: area ? [area.west, area.south, area.east, area.north] : pointsBounds(points),
          fitBoundsOptions: { padding: area ? 0 : 32, maxZoom: 14 },
        });
        map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
        map.on("moveend", (e) => {
          // Only a visitor's own panning or zooming offers "search this area".
          if (!("originalEvent" in e) || !e.originalEvent) return;
          const b = map.getBounds();
          setMoved({ west: round(b.getWest()), south: round(b.getSouth()), east: round(b.getEast()), north: round(b.getNorth()) });
        });
        map.on("click", "homes", (e) => {
          const key = e.features?.[0]?.properties?.key;
          if (typeof key === "string") window.location.assign(`/homes/${encodeURIComponent(key)}`);
        });
        map.on("click", "clusters", async (e) => {
          const feature = e.features?.[0];
          const source = map.getSource("homes") as import("./load-maplibre").GeoJSONSource | undefined;
          if (!feature || !source || feature.geometry.type !== "Point") return;
          const zoom = await source.getClusterExpansionZoom(feature.properties.cluster_id as number);
          map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom });
        });
        for (const layer of ["homes", "clusters"]) {
          map.on("mouseenter", layer, () => (map.getCanvas().style.cursor = "pointer"));
          map.on("mouseleave", layer, () => (map.getCanvas().style.cursor = ""));
        }
        // The list and the map in step: the card under the pointer or the keyboard focus lights its dot.
        let active: string | null = null;
        const highlight = (key: string | null) => {
          if (key === active) return;
          if (active) map.setFeatureState({ source: "homes", id: active }, { active: false });
          if (key) map.setFeatureState({ source: "homes", id: key }, { active: true });
          active = key;
        };
        const onCard = (e: Event) => highlight((e.target as Element | null)?.closest?.("[data-listing-key]")?.getAttribute("data-listing-key") ?? null);
        document.addEventListener("mouseover", onCard);
        document.addEventListener("focusin", onCard);
        map.once("load", () => container.current?.setAttribute("data-map-ready", "true"));
        cleanup = () => {
          document.removeEventListener("mouseover", onCard);
          document.removeEventListener("focusin", onCard);
          map.remove();
        };
      } catch {
        // No WebGL (or the library failed): the list still has every home.
        setFailed(true);
      }
    })();
    return () => {
      disposed = true;
      cleanup();
    };
  }, [wanted, points, area, styleUrl]);

  const searchHere = moved
    ? `${searchHrefBase}${searchHrefBase.includes("?") ? "&" : "?"}bounds=${encodeURIComponent([moved.west, moved.south, moved.east, moved.north].join(","))}`
    : null;
  return (
    <section className="search-map card" aria-label="Map of the homes in this search" data-shown={wanted === "no" ? undefined : "true"}>
      <div ref={container} className="search-map-canvas" data-points={points.length} data-map-style={styleUrl ?? "local"} />
      <button type="button" className="btn btn-outline search-map-show" onClick={() => setWanted("asked")}>
        Show the map
      </button>
      <div className="search-map-tools">
        {failed ? <p className="small muted">The map cannot be shown in this browser; every home is in the list.</p> : null}
        {searchHere ? (
          <a className="btn btn-primary" href={searchHere}>
            Search this area
          </a>
        ) : null}
        {area ? (
          <a className="btn btn-ghost" href={searchHrefBase}>
            Remove the map area
          </a>
        ) : null}
      </div>
    </section>
  );
}
