// A website's map style URL: validated (https; http only for loopback and only outside
// production), stored for one tenant only, audited when it changes, and cleared with "".
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { getMapStyleUrl } from "@real-estate/sites";
import { mapStyleUrlProblem } from "@real-estate/types";
import { failure } from "@real-estate/types/testing";
import { getMapStyleSetting, listOperatorActions, setMapStyle, StudioError } from "../src";

const testDb = useTestDatabase("studio_map_style");
const actor = { userId: "op-1", email: "operator@platform.example" };
const STYLE = "https://tiles.example.com/styles/streets/style.json";

describe("map style URL rules", () => {
  it("accepts https anywhere and http only on loopback outside production", () => {
    const dev = { allowLoopbackHttp: true };
    const prod = { allowLoopbackHttp: false };
    expect(mapStyleUrlProblem(STYLE, prod)).toBeNull();
    expect(mapStyleUrlProblem("http://127.0.0.1:8080/style.json", dev)).toBeNull();
    expect(mapStyleUrlProblem("http://localhost:8080/style.json", dev)).toBeNull();
    expect(mapStyleUrlProblem("http://[::1]:8080/style.json", dev)).toBeNull();
    expect(mapStyleUrlProblem("http://127.0.0.1:8080/style.json", prod)).toMatch(/https/);
    expect(mapStyleUrlProblem("http://tiles.example.com/style.json", dev)).toBe("an https URL");
    expect(mapStyleUrlProblem("http://localhost.example.com/style.json", dev)).toBe("an https URL");
    expect(mapStyleUrlProblem("javascript:alert(1)", dev)).toBe("an https URL");
    expect(mapStyleUrlProblem("ftp://tiles.example.com/style.json", dev)).toBe("an https URL");
    expect(mapStyleUrlProblem("/styles/style.json", dev)).toMatch(/absolute URL/);
    expect(mapStyleUrlProblem("https://user:secret@tiles.example.com/style.json", dev)).toMatch(/without a user name/);
    expect(mapStyleUrlProblem(`https://tiles.example.com/${"a".repeat(2_000)}`, dev)).toMatch(/2,000/);
  });

  it("refuses https on an address, localhost or *.localhost (every visitor's browser would call its own machine or network)", () => {
    const prod = { allowLoopbackHttp: false };
    for (const url of [
      "https://127.0.0.1/style.json",
      "https://2130706433/style.json",
      "https://169.254.169.254/style.json",
      "https://192.168.1.1/style.json",
      "https://10.0.0.5:8443/style.json",
      "https://[::1]/style.json",
      "https://[fd00::1]/style.json",
      "https://localhost/style.json",
      "https://localhost./style.json",
      "https://tiles.localhost/style.json",
    ]) {
      expect([url, mapStyleUrlProblem(url, prod)]).toEqual([url, "an https URL with a host name (not an address or localhost)"]);
    }
    expect(mapStyleUrlProblem("https://localhost:8443/style.json", { allowLoopbackHttp: true })).toBeNull();
    expect(mapStyleUrlProblem("https://tiles.example.com./style.json", prod)).toBeNull();
    expect(mapStyleUrlProblem("https://tiles-1.example.com/style.json", prod)).toBeNull();
  });

  it("refuses spaces and control characters, which the URL parser would drop or encode", () => {
    const prod = { allowLoopbackHttp: false };
    for (const url of [
      "https://tiles.example.com/ style.json",
      "https://tiles.example.com/a\r\nX-Injected: 1",
      "https://tiles.example.com/\tstyle.json",
      "https://tiles.example.com/\u0085",
    ]) {
      expect(mapStyleUrlProblem(url, prod)).toBe("a URL without spaces or control characters");
    }
    expect(mapStyleUrlProblem("https://tiles.example.com/a%20b/style.json", prod)).toBeNull();
  });
});

describe("setMapStyle", () => {
  it("stores the style for one tenant only, audits the change, and clears it with an empty value", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db);
    const b = await createTenantFixture(db);
    await setMapStyle({ tenantId: b.tenantId, actor, input: { mapStyleUrl: "https://maps.other.example/b.json" }, db });

    const saved = await setMapStyle({ tenantId: a.tenantId, actor, input: { mapStyleUrl: `  ${STYLE}  ` }, db });
    expect(saved).toEqual({ mapStyleUrl: STYLE });
    expect(await getMapStyleUrl({ tenantId: a.tenantId, db })).toBe(STYLE);
    expect(await getMapStyleSetting({ tenantId: a.tenantId, db })).toBe(STYLE);
    // The other tenant keeps its own style.
    expect(await getMapStyleUrl({ tenantId: b.tenantId, db })).toBe("https://maps.other.example/b.json");
    const [action] = (await listOperatorActions({ tenantId: a.tenantId, action: "website.map-style", db })).rows;
    expect(action).toMatchObject({ action: "website.map-style", before: { mapStyleUrl: null }, after: { mapStyleUrl: STYLE } });

    // The same value again changes nothing and records nothing.
    await setMapStyle({ tenantId: a.tenantId, actor, input: { mapStyleUrl: STYLE }, db });
    expect((await listOperatorActions({ tenantId: a.tenantId, action: "website.map-style", db })).rows).toHaveLength(1);

    await setMapStyle({ tenantId: a.tenantId, actor, input: { mapStyleUrl: "" }, db });
    expect(await getMapStyleUrl({ tenantId: a.tenantId, db })).toBeNull();
    expect(await getMapStyleUrl({ tenantId: b.tenantId, db })).toBe("https://maps.other.example/b.json");
  });

  it("refuses bad input with field errors and stores nothing", async () => {
    const { db } = testDb();
    const { tenantId } = await createTenantFixture(db);
    await setMapStyle({ tenantId, actor, input: { mapStyleUrl: STYLE }, db });
    const cases: unknown[] = [
      { mapStyleUrl: "http://tiles.example.com/style.json" },
      { mapStyleUrl: "not a url" },
      { mapStyleUrl: 42 },
      { mapStyleUrl: STYLE, extra: true },
      {},
    ];
    for (const input of cases) {
      const error = await failure(setMapStyle({ tenantId, actor, input, db }), StudioError);
      expect([error.status, error.code], JSON.stringify(input)).toEqual([422, "validation_failed"]);
    }
    const loopback = await failure(
      setMapStyle({ tenantId, actor, input: { mapStyleUrl: "http://127.0.0.1:4510/style.json" }, db, allowLoopbackHttp: false }),
      StudioError,
    );
    expect(loopback.fields).toEqual({ mapStyleUrl: ["an https URL (http only for localhost in development)"] });
    expect(await getMapStyleUrl({ tenantId, db })).toBe(STYLE);
    expect((await listOperatorActions({ tenantId, action: "website.map-style", db })).rows).toHaveLength(1);

    // Outside production a local style server may be named.
    await setMapStyle({ tenantId, actor, input: { mapStyleUrl: "http://127.0.0.1:4510/style.json" }, db, allowLoopbackHttp: true });
    expect(await getMapStyleUrl({ tenantId, db })).toBe("http://127.0.0.1:4510/style.json");
    // An unknown tenant is a 404.
    const ghost = await failure(setMapStyle({ tenantId: "00000000-0000-7000-8000-000000000000", actor, input: { mapStyleUrl: STYLE }, db }), StudioError);
    expect(ghost.status).toBe(404);
  });
});
