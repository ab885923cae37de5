// `npm start` keeps the generated secrets and the embedded PostgreSQL in one data folder. Started
// as root, the server runs as an unprivileged user that must pass through that folder; a folder
// made 0700 (as the secrets' folder was) kept it out, and `npm start` stopped at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedServer } from "@real-estate/db/embedded";

const project = fs.mkdtempSync(path.join(os.tmpdir(), "re-embedded-data-"));
fs.chmodSync(project, 0o755);
const data = path.join(project, ".data");

afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

describe("the embedded server in the project's data folder", () => {
  it("starts in a data folder made 0700 beside a secrets file, and leaves that folder closed to listing and the file to its owner", async () => {
    fs.mkdirSync(data, { mode: 0o700 });
    fs.chmodSync(data, 0o700);
    fs.writeFileSync(path.join(data, "secrets.json"), "{}\n", { mode: 0o600 });

    const server = await startEmbeddedServer({ dir: path.join(data, "postgres") });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      expect((await client.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await server.stop();
    }
    if (process.getuid?.() === 0) {
      // Root ran the server as another user: the folder lets it through (execute), nothing more.
      expect(fs.statSync(data).mode & 0o777).toBe(0o711);
    }
    expect(fs.statSync(path.join(data, "secrets.json")).mode & 0o777).toBe(0o600);
  });
});
