"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDeliveries,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  WEBHOOK_EVENT_TYPES,
} from "@real-estate/integrations";
import { requirePageAccess } from "@/lib/page-access";

export type WebhookState = { ok?: string; error?: string; secret?: string };

const ZId = z.uuid();

function fieldMessage(fields: Record<string, string[]>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k === "url" ? "URL" : k}: ${v.join("; ")}`)
    .join(". ");
}

/** Registers an endpoint; its signing secret is shown once, here. Owners only. */
export async function createWebhookAction(_prev: WebhookState, form: FormData): Promise<WebhookState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const events = form
    .getAll("events")
    .map(String)
    .filter((e) => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  const created = await createWebhookEndpoint({
    tenantId: tenant.tenantId,
    input: { url: String(form.get("url") ?? ""), description: String(form.get("description") ?? "") || null, events: events as never },
    createdByUserId: session.user.id,
  });
  if (!created.ok) return { error: fieldMessage(created.fields) };
  revalidatePath("/webhooks");
  return { ok: "Endpoint added. Copy its signing secret now: it is shown only once.", secret: created.secret };
}

/** A new secret for an endpoint (the old one keeps signing for 24 hours); shown once. */
export async function rotateWebhookSecretAction(_prev: WebhookState, form: FormData): Promise<WebhookState> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const id = ZId.safeParse(form.get("endpointId"));
  if (!id.success) return { error: "Unknown endpoint." };
  const rotated = await rotateWebhookSecret({ tenantId: tenant.tenantId, endpointId: id.data, actorUserId: session.user.id });
  if (!rotated) return { error: "Unknown endpoint." };
  revalidatePath(`/webhooks/${id.data}`);
  return { ok: "New secret. Copy it now: it is shown only once. The previous one keeps signing for 24 hours.", secret: rotated.secret };
}

export async function setWebhookEnabledAction(form: FormData): Promise<void> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const id = ZId.safeParse(form.get("endpointId"));
  if (!id.success) return;
  await updateWebhookEndpoint({
    tenantId: tenant.tenantId,
    endpointId: id.data,
    change: { enabled: form.get("enabled") === "true" },
    actorUserId: session.user.id,
  });
  revalidatePath("/webhooks");
  revalidatePath(`/webhooks/${id.data}`);
}

export async function deleteWebhookAction(form: FormData): Promise<void> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const id = ZId.safeParse(form.get("endpointId"));
  if (id.success) await deleteWebhookEndpoint({ tenantId: tenant.tenantId, endpointId: id.data, actorUserId: session.user.id });
  revalidatePath("/webhooks");
}

/** Re-sends one delivery, or (without deliveryId) re-drives every failed delivery of the endpoint. */
export async function resendWebhookAction(form: FormData): Promise<void> {
  const { tenant, session } = await requirePageAccess({ role: "OWNER" });
  const id = ZId.safeParse(form.get("endpointId"));
  const delivery = form.get("deliveryId") ? ZId.safeParse(form.get("deliveryId")) : null;
  if (!id.success || (delivery && !delivery.success)) return;
  await resendWebhookDeliveries({ tenantId: tenant.tenantId, endpointId: id.data, deliveryId: delivery?.data, actorUserId: session.user.id });
  revalidatePath(`/webhooks/${id.data}`);
}
