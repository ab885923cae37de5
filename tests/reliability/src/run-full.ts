// `npm run test:reliability`: every check at full counts, then the summary table.
// Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from "node:child_process";
import path from "node:path";

const cwd = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, RELIABILITY_PROFILE: "full", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };
const result = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], { cwd, env, stdio: "inherit" });
process.exit(result.status ?? 1);
