// npm start: the whole platform on one machine with production builds (see lib/platform.ts).
import { runPlatform } from "./lib/platform";

await runPlatform("start");
