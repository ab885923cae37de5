// MapLibre GL JS and its stylesheet, fetched together when a map is first drawn
// (`await import("./load-maplibre")`): neither the library (about 1 MB of script) nor its
// stylesheet (70 KB, render-blocking when a page imports it) is part of a page's first load.
import "maplibre-gl/dist/maplibre-gl.css";

export * from "maplibre-gl";
