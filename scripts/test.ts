// npm test: every workspace's tests against a real PostgreSQL (TEST_DATABASE_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres). Fails fast with one line when it is down.
import { spawnSync } from "node:child_process";
import pg from "pg";

const url = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
try {
  await client.connect();
  await client.query("SELECT 1");
} catch (error) {
  console.error(`npm test: PostgreSQL is not reachable at ${new URL(url).host} (${(error as Error).message}). Start it, or set TEST_DATABASE_URL.`);
  process.exit(1);
} finally {
  await client.end().catch(() => {});
}

const args = ["turbo", "run", "test", "--concurrency=2", "--output-logs=errors-only", ...process.argv.slice(2)];
console.log(`npm test: running workspace tests (${args.slice(1).join(" ")})`);
const env = { ...process.env, TEST_DATABASE_URL: url, FORCE_COLOR: "0" };
const result = spawnSync("npx", args, { stdio: "inherit", env });
if (result.status !== 0) process.exit(result.status ?? 1);

// The ingestion crash test (worker SIGKILLed while draining) runs after the unit and
// integration suites, on its own, because it loads both cores for a few minutes.
console.log("npm test: ingestion crash test (npm run test:ingestion:integration)");
const crash = spawnSync("npm", ["run", "test:ingestion:integration"], { stdio: "inherit", env });
process.exit(crash.status ?? 1);
