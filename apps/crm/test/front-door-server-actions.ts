// The server-action cases of api-key-front-door.test.ts, on that file's server (a CRM production
// build behind the request front, two tenants): kept in their own module by concern, registered
// from the test file so the run starts one CRM server, not two.
//
// A server action is a POST with Next.js's `Next-Action` header that anyone can send (or, without
// JavaScript, a multipart form post naming the action in a field). Next.js refuses one from another
// host's page, or with a body past its 1 MiB cap, by throwing: a 500 and an error log line. The
// request front answers them first (403, 413), also when the body is streamed without a length,
// and a multipart post to a page past that cap (Next.js reads it as a possible form action).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type FrontDoor = {
  port: number;
  hostA: string;
  hostB: string;
  /** The server's output so far (its JSON log lines). */
  output: () => string;
};

/**
 * A request to the server on `port` with an explicit Host (Node's fetch does not let one set it);
 * a body given as a list of chunks goes without a Content-Length (chunked), one chunk at a time,
 * as a streaming client sends it.
 */
export function sendTo(
  port: number,
  options: { host: string; path: string; method?: string; headers?: Record<string, string>; body?: string | string[] },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const { host, path: target, method, headers, body } = options;
    const req = http.request({ host: "127.0.0.1", port, path: target, method: method ?? "GET", headers: { host, ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    if (!Array.isArray(body)) return req.end(body);
    for (const chunk of body) req.write(chunk);
    req.end();
  });
}

const post = (door: FrontDoor, pathname: string, headers: Record<string, string>, body: string | string[]) =>
  sendTo(door.port, { host: door.hostA, path: pathname, method: "POST", headers, body });

/** The id of the public forgot-password form's action, from the build's manifest. */
function forgotPasswordActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../.next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "forgotPasswordAction")?.[0];
  if (!id) throw new Error("forgotPasswordAction is not in the build");
  return id;
}

const BOUNDARY = "----action-call";
const multipart = (parts: string[][]) =>
  parts.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${BOUNDARY}--\r\n`;
/** A body in 64 KiB chunks. */
const chunked = (body: string) => Array.from({ length: Math.ceil(body.length / 65_536) }, (_, i) => body.slice(i * 65_536, (i + 1) * 65_536));

/** The server's log lines at error level or above since `from` (its output's length before the call). */
function errorLines(door: FrontDoor, from: number): string[] {
  return door
    .output()
    .slice(from)
    .split("\n")
    .filter((line) => /"level":(50|60)|"level":"(error|fatal)"|Error:/.test(line));
}

export function serverActionCases(door: FrontDoor): void {
  /** The forgot-password action called as the client runtime sends it (multipart, its previous state first); `stream`: without a length. */
  const forgotPassword = (headers: Record<string, string>, options: { padding?: number; stream?: boolean } = {}) => {
    // The padding is a form field the action does not read.
    const body = multipart([
      ["_1_email", "nobody@example.com"],
      ["_1_filler", "x".repeat(options.padding ?? 0)],
      ["0", JSON.stringify([{}, "$K1"])],
    ]);
    const head = {
      "next-action": forgotPasswordActionId(),
      accept: "text/x-component",
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      ...headers,
    };
    return post(door, "/forgot-password", head, options.stream ? chunked(body) : body);
  };

  describe("server action calls Next.js would refuse", () => {
    it("answers its own page's call (the control), and refuses another host's page (another port too), `null` and a lookalike with 403, not 500", async () => {
      const own = await forgotPassword({ origin: `http://${door.hostA}` });
      expect(own.status).toBe(200);
      expect(own.body).toContain("nobody@example.com");
      for (const origin of [`http://${door.hostB}`, `http://${door.hostA}:${door.port}`, "null", `http://${door.hostA}.evil.example`]) {
        const r = await forgotPassword({ origin });
        expect([origin, r.status]).toEqual([origin, 403]);
        expect(JSON.parse(r.body)).toMatchObject({ error: "forbidden_origin" });
      }
    });

    it("refuses a body past 1 MiB with 413, not 500", async () => {
      const r = await forgotPassword({ origin: `http://${door.hostA}` }, { padding: 1024 * 1024 });
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ error: "payload_too_large" });
    });

    it("refuses a body past 1 MiB streamed without a length with 413, not 500, and logs no error", async () => {
      const from = door.output().length;
      const r = await forgotPassword({ origin: `http://${door.hostA}` }, { padding: 1024 * 1024, stream: true });
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ error: "payload_too_large" });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errorLines(door, from)).toEqual([]);
    });

    it("hands Next.js a call streamed without a length under the cap unchanged: the action answers as for a sized one", async () => {
      const r = await forgotPassword({ origin: `http://${door.hostA}` }, { padding: 1_000_000, stream: true });
      expect(r.status).toBe(200);
      expect(r.body).toContain("nobody@example.com");
    });

    it("refuses a no-JavaScript form action post (multipart, the action in a field, no header) from another host's page with 403, not 500", async () => {
      const body = multipart([
        [`$ACTION_ID_${forgotPasswordActionId()}`, ""],
        ["email", "nobody@example.com"],
      ]);
      const from = door.output().length;
      for (const origin of [`http://${door.hostB}`, "null"]) {
        const r = await post(door, "/forgot-password", { origin, "content-type": `multipart/form-data; boundary=${BOUNDARY}` }, body);
        expect([origin, r.status]).toEqual([origin, 403]);
        expect(JSON.parse(r.body)).toMatchObject({ error: "forbidden_origin" });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errorLines(door, from)).toEqual([]);
    });

    it("refuses a no-JavaScript form action post from its own page past 1 MiB with 413, sized or streamed, not 500, and logs no error", async () => {
      const body = multipart([
        [`$ACTION_ID_${forgotPasswordActionId()}`, ""],
        ["email", "nobody@example.com"],
        ["filler", "x".repeat(1024 * 1024)],
      ]);
      const head = { origin: `http://${door.hostA}`, "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
      const from = door.output().length;
      for (const [name, sent] of [
        ["sized", body],
        ["streamed", chunked(body)],
      ] as const) {
        const r = await post(door, "/forgot-password", head, sent);
        expect([name, r.status]).toEqual([name, 413]);
        expect(JSON.parse(r.body)).toMatchObject({ error: "payload_too_large" });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errorLines(door, from)).toEqual([]);
    });
  });
}
