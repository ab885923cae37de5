import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorResponse, findUnstorableUrlPart, HttpError, isSameOrigin, MAX_JSON_DEPTH, readBody } from "../src/index";

const post = (body: BodyInit, headers: Record<string, string>) =>
  new Request("http://site.test/api/x", { method: "POST", body, headers: { host: "site.test", ...headers } });

async function statusOf(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return errorResponse(error).status;
  }
}

describe("readBody", () => {
  it("reads JSON and forms", async () => {
    expect(await readBody(post('{"a":"b"}', { "content-type": "application/json" }), { maxBytes: 100 })).toEqual({ kind: "json", data: { a: "b" } });
    expect(await readBody(post("a=b&c=d", { "content-type": "application/x-www-form-urlencoded" }), { maxBytes: 100, accept: ["json", "form"] })).toEqual({
      kind: "form",
      data: { a: "b", c: "d" },
    });
  });

  it("answers 413 / 415 / 400 / 422 for what it cannot take", async () => {
    expect(await statusOf(readBody(post("x".repeat(200), { "content-type": "application/json" }), { maxBytes: 100 }))).toBe(413);
    expect(await statusOf(readBody(post("a=b", { "content-type": "application/x-www-form-urlencoded" }), { maxBytes: 100 }))).toBe(415);
    expect(await statusOf(readBody(post("{nope", { "content-type": "application/json" }), { maxBytes: 100 }))).toBe(400);
    expect(await statusOf(readBody(post("[1]", { "content-type": "application/json" }), { maxBytes: 100 }))).toBe(422);
    expect(await statusOf(readBody(post('{"name":"a\\u0000b"}', { "content-type": "application/json" }), { maxBytes: 100 }))).toBe(422);
    expect(await statusOf(readBody(post('{"x":{"y":"\\ud800"}}', { "content-type": "application/json" }), { maxBytes: 100 }))).toBe(422);
    expect(await statusOf(readBody(post("name=a%00b", { "content-type": "application/x-www-form-urlencoded" }), { maxBytes: 100, accept: ["form"] }))).toBe(
      422,
    );
  });

  it("answers 422 to JSON nested deeper than MAX_JSON_DEPTH, however small, and reads it up to that depth", async () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${"}".repeat(depth - 1)}`;
    const json = { "content-type": "application/json" };
    expect(await statusOf(readBody(post(nested(MAX_JSON_DEPTH), json), { maxBytes: 100_000 }))).toBe("ok");
    for (const body of [nested(MAX_JSON_DEPTH + 1), `{"a":${"[".repeat(20_000)}${"]".repeat(20_000)}}`, `{"a":[${"[".repeat(40)}1${"]".repeat(40)}]}`]) {
      const res = await readBody(post(body, json), { maxBytes: 100_000 }).catch(errorResponse);
      expect((res as Response).status, body.slice(0, 40)).toBe(422);
      expect(await (res as Response).json()).toMatchObject({ error: "validation_failed", fields: { body: [expect.stringContaining("levels deep")] } });
    }
  });

  it("names the field and strips free-text fields instead of refusing them", async () => {
    const res = await readBody(post('{"contact":{"email":"\\ud800"}}', { "content-type": "application/json" }), { maxBytes: 100 }).catch(errorResponse);
    expect(await (res as Response).json()).toMatchObject({ error: "validation_failed", fields: { "contact.email": [expect.any(String)] } });
    const { data } = await readBody(post('{"utm_source":"ne\\u0000ws"}', { "content-type": "application/json" }), {
      maxBytes: 100,
      stripFields: ["utm_source"],
    });
    expect(data.utm_source).toBe("news");
  });
});

describe("errorResponse", () => {
  it("has one shape", async () => {
    const res = errorResponse(new HttpError(409, "duplicate", "Already there", { id: "1" }));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: "duplicate", message: "Already there", id: "1" });
    const zod = z.object({ a: z.string() }).safeParse({});
    const res2 = errorResponse(zod.error);
    expect(res2.status).toBe(422);
    expect(await res2.json()).toMatchObject({ error: "validation_failed", fields: { a: [expect.any(String)] } });
  });
});

describe("findUnstorableUrlPart", () => {
  it("names the parameter", () => {
    expect(findUnstorableUrlPart(new URL("http://h/a?x=1&name=a%00"))).toBe("name");
    expect(findUnstorableUrlPart(new URL("http://h/a?q=%ED%A0%80"))).toBe("q");
    expect(findUnstorableUrlPart(new URL("http://h/a%00b"))).toBe("path");
    expect(findUnstorableUrlPart(new URL("http://h/caf%C3%A9?q=%F0%9F%8F%A0"))).toBeNull();
  });
});

describe("isSameOrigin", () => {
  it("allows the own host and non-browser clients, refuses others", async () => {
    expect(await isSameOrigin(post("", { origin: "http://site.test" }))).toBe(true);
    expect(await isSameOrigin(post("", {}))).toBe(true);
    expect(await isSameOrigin(post("", { origin: "http://evil.test" }))).toBe(false);
    expect(await isSameOrigin(post("", { origin: "null" }))).toBe(false);
    expect(await isSameOrigin(post("", { "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});
