import { WEBSITE_MODULE_KEYS } from "@real-estate/types";
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { listPageModules } from "@real-estate/sites";
import { failure } from "@real-estate/types/testing";
import { listModuleEditor, listOperatorActions, savePageModules, setModuleEnabled, StudioError } from "../src";

const testDb = useTestDatabase("studio_modules");
const actor = { userId: "op-1", email: "operator@platform.example" };

describe("studio module configuration", () => {
  it("lists every module, unconfigured ones last and off", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "mods-list" });
    await db.moduleConfig.create({
      data: { tenantId: t.tenantId, pageKind: "TOWN", moduleKey: "schools", enabled: true, sortOrder: 0, settings: { title: "Schools nearby" } },
    });
    const rows = await listModuleEditor({ tenantId: t.tenantId, pageKind: "TOWN" });
    expect(rows.map((r) => r.moduleKey)).toEqual(["schools", ...WEBSITE_MODULE_KEYS.filter((k) => k !== "schools")]);
    expect(rows[0]).toMatchObject({ enabled: true, configured: true, label: "Schools", settings: { title: "Schools nearby" } });
    expect(rows.slice(1).every((r) => !r.enabled && !r.configured)).toBe(true);
  });

  it("saves order, switches and settings of one page kind; the website reads them; the other tenant is untouched", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "mods-a" });
    const b = await createTenantFixture(db, { slug: "mods-b" });
    const keys = [...WEBSITE_MODULE_KEYS].reverse();
    const all = (tenantId: string) =>
      savePageModules({ tenantId, pageKind: "TOWN", actor, input: { modules: keys.map((moduleKey) => ({ moduleKey, enabled: true })) } });
    await all(a.tenantId);
    await all(b.tenantId);
    await savePageModules({
      tenantId: a.tenantId,
      pageKind: "TOWN",
      actor,
      input: { modules: keys.map((moduleKey) => ({ moduleKey, enabled: moduleKey !== "schools", settings: moduleKey === "listings" ? { limit: 3 } : {} })) },
    });
    const site = await listPageModules({ tenantId: a.tenantId, pageKind: "TOWN" });
    expect(site.map((m) => m.moduleKey)).toEqual(keys.filter((k) => k !== "schools"));
    expect(site.find((m) => m.moduleKey === "listings")?.settings).toEqual({ limit: 3 });
    expect((await listPageModules({ tenantId: b.tenantId, pageKind: "TOWN" })).map((m) => m.moduleKey)).toContain("schools");
    expect(await listPageModules({ tenantId: a.tenantId, pageKind: "NEIGHBORHOOD" })).toEqual([]);

    const log = await listOperatorActions({ tenantId: a.tenantId, action: "modules.save" });
    expect(log.rows).toHaveLength(2);
    const [latest] = log.rows;
    const enabledOf = (list: unknown, key: string) => (list as { moduleKey: string; enabled: boolean }[]).find((m) => m.moduleKey === key)?.enabled;
    expect([enabledOf(latest!.before, "schools"), enabledOf(latest!.after, "schools")]).toEqual([true, false]);
    // Saving the same list again changes nothing and writes no audit row.
    await savePageModules({
      tenantId: a.tenantId,
      pageKind: "TOWN",
      actor,
      input: { modules: keys.map((moduleKey) => ({ moduleKey, enabled: moduleKey !== "schools", settings: moduleKey === "listings" ? { limit: 3 } : {} })) },
    });
    expect((await listOperatorActions({ tenantId: a.tenantId, action: "modules.save" })).rows).toHaveLength(2);
  });

  it("refuses incomplete, duplicate or unknown module lists and bad settings with 422", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "mods-bad" });
    const full = WEBSITE_MODULE_KEYS.map((moduleKey) => ({ moduleKey, enabled: true }));
    const cases: unknown[] = [
      { modules: full.slice(1) },
      { modules: [...full.slice(1), full[1]] },
      { modules: [...full.slice(1), { moduleKey: "weather", enabled: true }] },
      { modules: full.map((m, i) => (i === 0 ? { ...m, settings: { limit: 500 } } : m)) },
      { modules: full.map((m, i) => (i === 0 ? { ...m, settings: { colour: "red" } } : m)) },
      { modules: "all" },
    ];
    for (const input of cases) expect((await failure(savePageModules({ tenantId: t.tenantId, pageKind: "TOWN", actor, input }), StudioError)).status).toBe(422);
    expect((await failure(savePageModules({ tenantId: t.tenantId, pageKind: "CITY", actor, input: { modules: full } }), StudioError)).status).toBe(422);
    expect(await db.moduleConfig.count({ where: { tenantId: t.tenantId } })).toBe(0);
    const missing = await failure(
      savePageModules({ tenantId: "00000000-0000-7000-8000-000000000000", pageKind: "TOWN", actor, input: { modules: full } }),
      StudioError,
    );
    expect(missing.status).toBe(404);
  });

  it("toggles one module, appending a never-configured one at the end", async () => {
    const { db } = testDb();
    const t = await createTenantFixture(db, { slug: "mods-toggle" });
    await db.moduleConfig.create({ data: { tenantId: t.tenantId, pageKind: "NEIGHBORHOOD", moduleKey: "listings", enabled: true, sortOrder: 4 } });
    await setModuleEnabled({ tenantId: t.tenantId, pageKind: "NEIGHBORHOOD", actor, input: { moduleKey: "walk-score", enabled: true } });
    await setModuleEnabled({ tenantId: t.tenantId, pageKind: "NEIGHBORHOOD", actor, input: { moduleKey: "listings", enabled: false } });
    expect((await listPageModules({ tenantId: t.tenantId, pageKind: "NEIGHBORHOOD" })).map((m) => [m.moduleKey, m.sortOrder])).toEqual([["walk-score", 5]]);
    const log = await listOperatorActions({ tenantId: t.tenantId, action: "module." });
    expect(log.rows.map((r) => `${r.action}:${r.targetId}`)).toEqual(["module.disable:listings", "module.enable:walk-score"]);
    expect(
      (await failure(setModuleEnabled({ tenantId: t.tenantId, pageKind: "TOWN", actor, input: { moduleKey: "x", enabled: true } }), StudioError)).status,
    ).toBe(422);
  });
});
