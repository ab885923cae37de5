"use client";

// A small map on listing and town pages (MapLibre GL JS, as the search map: the tenant's tile
// style or the plain local one, the library and its worker from the site's own origin). Lazy: nothing of MapLibre is fetched until
// the map's box comes near the viewport, and the box has a fixed height, so the page neither waits
// for it nor shifts when it appears. A dot opens its home; the page's own home is drawn larger.
import { useEffect, useRef, useState } from "react";
import { homesGeoJson, MAP_WORKER_URL, mapStyleOptions, pointsBounds, type MapPoint } from "./homes-map-data";

export function SmallMap({ points, label, focus, styleUrl }: { points: MapPoint[]; label: string; focus?: MapPoint; styleUrl: string | null }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let cleanup = () => {};
    const draw = async () => {
      try {
        const maplibregl = await import("./load-maplibre");
        if (disposed) return;
        maplibregl.setWorkerUrl(new URL(MAP_WORKER_URL, window.location.origin).href);
        const all = focus && !points.some((p) => p.key === focus.key) ? [...points, focus] : points;
        const map = new maplibregl.Map({
          container: element,
          ...mapStyleOptions(styleUrl, {
            sources: { homes: { type: "geojson", data: homesGeoJson(all, focus?.key), promoteId: "key" } },
            layers: [
              {
                id: "homes",
                type: "circle",
                source: "homes",
                paint: {
                  "circle-color": ["case", ["get", "focus"], "#f59e0b", "#0f766e"],
                  "circle-radius": ["case", ["get", "focus"], 9, 5],
                  "circle-stroke-width": 2,
                  "circle-stroke-color": "#ffffff",
                },
              },
            ],
          }),
          ...(focus
            ? { center: [focus.lng, focus.lat] as [number, number], zoom: 13 }
            : { bounds: pointsBounds(all), fitBoundsOptions: { padding: 24, maxZoom: 14 } }),
        });
        map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
        map.on("click", "homes", (e) => {
          const key = e.features?.[0]?.properties?.key;
          if (typeof key === "string" && key !== focus?.key) window.location.assign(`/homes/${encodeURIComponent(key)}`);
        });
        map.on("mouseenter", "homes", () => (map.getCanvas().style.cursor = "pointer"));
        map.on("mouseleave", "homes", () => (map.getCanvas().style.cursor = ""));
        map.once("load", () => element.setAttribute("data-map-ready", "true"));
        cleanup = () => map.remove();
      } catch {
        // No WebGL (or the library failed): the page says so and loses nothing else.
        setFailed(true);
      }
    };
    // Drawn once the box is within a screen of the viewport.
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        void draw();
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(element);
    return () => {
      disposed = true;
      observer.disconnect();
      cleanup();
    };
  }, [points, focus, styleUrl]);

  return (
    <section className="small-map card" aria-label={label}>
      <div ref={container} className="small-map-canvas" data-points={points.length} data-map-style={styleUrl ?? "local"} />
      {failed ? <p className="small muted small-map-note">The map cannot be shown in this browser.</p> : null}
    </section>
  );
}
