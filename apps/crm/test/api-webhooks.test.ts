import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@real-estate/db/testing";
import { updateLead } from "@real-estate/crm";
import * as webhooksRoute from "../app/api/webhooks/route";
import * as webhookRoute from "../app/api/webhooks/[endpointId]/route";
import * as rotateRoute from "../app/api/webhooks/[endpointId]/rotate-secret/route";
import * as deliveriesRoute from "../app/api/webhooks/[endpointId]/deliveries/route";
import * as resendRoute from "../app/api/webhooks/[endpointId]/deliveries/[deliveryId]/resend/route";
import * as redriveRoute from "../app/api/webhooks/[endpointId]/redrive/route";
import { call, type Credentials } from "./support/api-client";
import { setUpTwoTenants, type Side } from "./support/two-tenants";

const testDb = useTestDatabase("crm_hooks_api");

describe("REST /api/webhooks (owners and API keys; two tenants)", () => {
  let a: Side;
  let b: Side;
  beforeAll(async () => {
    ({ a, b } = await setUpTwoTenants(testDb().db));
  });

  const create = (side: Side, creds: Credentials, body: unknown) =>
    call(webhooksRoute.POST, { host: side.crmHost, path: "/api/webhooks", method: "POST", creds, body });
  const list = (side: Side, creds: Credentials) => call(webhooksRoute.GET, { host: side.crmHost, path: "/api/webhooks", creds });
  const get = (side: Side, creds: Credentials, endpointId: string) =>
    call(webhookRoute.GET, { host: side.crmHost, path: `/api/webhooks/${endpointId}`, creds, params: { endpointId } });

  it("an owner's session or an API key registers endpoints; the secret is in the creation answer only; agents and the other tenant see nothing", async () => {
    const created = await create(
      a,
      { bearer: a.apiKey },
      { url: "https://hooks.example.com/crm", events: ["lead.created", "lead.status_changed"], description: "Zapier" },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: "https://hooks.example.com/crm",
      events: ["lead.created", "lead.status_changed"],
      status: "active",
      description: "Zapier",
    });
    expect(created.body.secret).toMatch(/^whsec_/);
    const byOwner = await create(a, { cookie: a.ownerCookie }, { url: "https://other.example.com/in", events: ["contact.created"] });
    expect(byOwner.status).toBe(201);
    const again = await get(a, { cookie: a.ownerCookie }, created.body.id);
    expect(again.status).toBe(200);
    expect(again.body.secret).toBeUndefined();
    expect(JSON.stringify(again.body)).not.toContain(created.body.secret);
    expect((await list(a, { bearer: a.apiKey })).body.items).toHaveLength(2);
    // An agent cannot manage integrations: as if nothing were here.
    expect((await list(a, { cookie: a.agentCookie })).status).toBe(404);
    expect((await create(a, { cookie: a.agentCookie }, { url: "https://x.example.com/", events: ["contact.created"] })).status).toBe(404);
    // The other tenant: its own (empty) list, and 404 for A's endpoint by id, with any credential.
    expect((await list(b, { bearer: b.apiKey })).body.items).toEqual([]);
    for (const creds of [{ bearer: b.apiKey }, { cookie: b.ownerCookie }]) {
      expect((await get(b, creds, created.body.id)).status).toBe(404);
      expect(
        (
          await call(webhookRoute.DELETE, {
            host: b.crmHost,
            path: `/api/webhooks/${created.body.id}`,
            method: "DELETE",
            creds,
            params: { endpointId: created.body.id },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await call(rotateRoute.POST, {
            host: b.crmHost,
            path: `/api/webhooks/${created.body.id}/rotate-secret`,
            method: "POST",
            creds,
            params: { endpointId: created.body.id },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await call(deliveriesRoute.GET, {
            host: b.crmHost,
            path: `/api/webhooks/${created.body.id}/deliveries`,
            creds,
            params: { endpointId: created.body.id },
          })
        ).status,
      ).toBe(404);
    }
    // A's key on B's host is not a key there.
    expect((await list(b, { bearer: a.apiKey })).status).toBe(401);
  });

  it("refuses bad bodies and destinations inside the platform's networks with 4xx, storing nothing", async () => {
    const before = (await list(a, { bearer: a.apiKey })).body.items.length;
    for (const body of [
      { url: "http://127.0.0.1:5432/", events: ["lead.created"] },
      { url: "http://169.254.169.254/latest/meta-data/", events: ["lead.created"] },
      { url: "http://10.0.0.8/hook", events: ["lead.created"] },
      { url: "http://localhost:3001/api/leads", events: ["lead.created"] },
      { url: "ftp://example.com/", events: ["lead.created"] },
      { url: "https://example.com/\r\nX-Injected: 1", events: ["lead.created"] },
      { url: "https://example.com/", events: [] },
      { url: "https://example.com/", events: ["lead.deleted"] },
      { events: ["lead.created"] },
    ]) {
      const res = await create(a, { bearer: a.apiKey }, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error).toBe("validation_failed");
    }
    expect(
      (await call(webhooksRoute.POST, { host: a.crmHost, path: "/api/webhooks", method: "POST", creds: { bearer: a.apiKey }, rawBody: "{nope" })).status,
    ).toBe(400);
    expect((await list(a, { bearer: a.apiKey })).body.items).toHaveLength(before);
  });

  it("a lead's change is logged as a delivery; re-send, re-drive, rotation, disable and delete", async () => {
    const { db } = testDb();
    const created = await create(a, { bearer: a.apiKey }, { url: "https://hooks.example.com/log", events: ["lead.status_changed"] });
    const endpointId = created.body.id as string;
    await updateLead({ db, tenantId: a.tenantId, leadId: a.leadIds[0]!, change: { status: "CONTACTED" }, actor: { userId: a.owner.userId } });
    const log = await call(deliveriesRoute.GET, {
      host: a.crmHost,
      path: `/api/webhooks/${endpointId}/deliveries?limit=10`,
      creds: { bearer: a.apiKey },
      params: { endpointId },
    });
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({
      eventType: "lead.status_changed",
      status: "PENDING",
      attempts: 0,
      payload: { type: "lead.status_changed", data: { leadId: a.leadIds[0], from: "NEW", to: "CONTACTED" } },
    });
    // One job per delivery (the first test's endpoint also takes lead.status_changed).
    expect(await db.ingestionJob.count({ where: { tenantId: a.tenantId, kind: "webhook.deliver" } })).toBe(
      await db.webhookDelivery.count({ where: { tenantId: a.tenantId } }),
    );
    expect(await db.webhookDelivery.count({ where: { tenantId: a.tenantId } })).toBe(2);
    expect(await db.webhookDelivery.count({ where: { tenantId: b.tenantId } })).toBe(0);
    expect(
      (
        await call(deliveriesRoute.GET, {
          host: a.crmHost,
          path: `/api/webhooks/${endpointId}/deliveries?status=nope`,
          creds: { bearer: a.apiKey },
          params: { endpointId },
        })
      ).status,
    ).toBe(400);
    const deliveryId = log.body.items[0].id as string;
    const resent = await call(resendRoute.POST, {
      host: a.crmHost,
      path: `/api/webhooks/${endpointId}/deliveries/${deliveryId}/resend`,
      method: "POST",
      creds: { bearer: a.apiKey },
      params: { endpointId, deliveryId },
    });
    expect(resent).toMatchObject({ status: 202, body: { queued: 1 } });
    expect(
      (
        await call(resendRoute.POST, {
          host: b.crmHost,
          path: `/api/webhooks/${endpointId}/deliveries/${deliveryId}/resend`,
          method: "POST",
          creds: { bearer: b.apiKey },
          params: { endpointId, deliveryId },
        })
      ).status,
    ).toBe(404);
    const redriven = await call(redriveRoute.POST, {
      host: a.crmHost,
      path: `/api/webhooks/${endpointId}/redrive`,
      method: "POST",
      creds: { bearer: a.apiKey },
      params: { endpointId },
    });
    expect(redriven).toMatchObject({ status: 202, body: { queued: 0 } }); // nothing FAILED
    const rotated = await call(rotateRoute.POST, {
      host: a.crmHost,
      path: `/api/webhooks/${endpointId}/rotate-secret`,
      method: "POST",
      creds: { bearer: a.apiKey },
      body: { overlapHours: 2 },
      params: { endpointId },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(new Date(rotated.body.previousSecretExpiresAt).getTime() - Date.now()).toBeGreaterThan(3_500_000);
    const disabled = await call(webhookRoute.PATCH, {
      host: a.crmHost,
      path: `/api/webhooks/${endpointId}`,
      method: "PATCH",
      creds: { bearer: a.apiKey },
      body: { enabled: false },
      params: { endpointId },
    });
    expect(disabled.body).toMatchObject({ status: "disabled", disabledReason: "owner" });
    // A disabled endpoint gets no new deliveries.
    await updateLead({ db, tenantId: a.tenantId, leadId: a.leadIds[0]!, change: { status: "QUALIFIED" }, actor: { userId: a.owner.userId } });
    expect(await db.webhookDelivery.count({ where: { tenantId: a.tenantId, endpointId } })).toBe(1);
    expect(
      (
        await call(webhookRoute.PATCH, {
          host: a.crmHost,
          path: `/api/webhooks/${endpointId}`,
          method: "PATCH",
          creds: { bearer: a.apiKey },
          body: { secret: "x" },
          params: { endpointId },
        })
      ).status,
    ).toBe(422);
    const deleted = await call(webhookRoute.DELETE, {
      host: a.crmHost,
      path: `/api/webhooks/${endpointId}`,
      method: "DELETE",
      creds: { bearer: a.apiKey },
      params: { endpointId },
    });
    expect(deleted.status).toBe(204);
    expect((await get(a, { bearer: a.apiKey }, endpointId)).status).toBe(404);
    expect(await db.webhookDelivery.count({ where: { tenantId: a.tenantId, endpointId } })).toBe(0);
  });
});
