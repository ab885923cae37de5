import fs from "node:fs";
import path from "node:path";
import { BENCH_DIR, REPO_ROOT } from "./paths";

/** The installed version of a package (read from its package.json; some packages do not export it). */
export function installedVersion(name: string): string | null {
  for (const base of [BENCH_DIR, REPO_ROOT]) {
    try {
      const file = path.join(base, "node_modules", name, "package.json");
      return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
    } catch {
      /* try the next location */
    }
  }
  return null;
}
