// Serves MapLibre's worker from the site's own origin: copies it from the installed package to
// public/static (run before `next build` and `next dev`; the file is not committed).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const source = path.join(path.dirname(require.resolve("maplibre-gl/package.json")), "dist", "maplibre-gl-worker.mjs");
const target = path.join(import.meta.dirname, "..", "public", "static", "maplibre-gl-worker.mjs");
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(source, target);
