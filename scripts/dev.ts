// npm run dev: the whole platform in development mode: the three apps with hot reload, the
// worker restarting when its code changes, on the same database as npm start (see lib/platform.ts).
import { runPlatform } from "./lib/platform";

await runPlatform("dev");
