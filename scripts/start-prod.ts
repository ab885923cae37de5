// npm run start:prod: the production profile: what npm start runs, with nginx in front (the
// website's page cache, purged on studio changes) and two instances each of web and CRM behind
// it (see lib/platform.ts and services/edge). Needs nginx (Debian: apt-get install -y nginx).
import { runPlatform } from "./lib/platform";

await runPlatform("start", process.argv.slice(2), "cache");
