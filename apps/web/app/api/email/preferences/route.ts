import { z } from "zod";
import { getDb } from "@real-estate/db";
import { findVisitorByEmailToken, setSavedSearchAlertFrequency, ZAlertFrequency } from "@real-estate/sites";
import { setAlertsConsent, ZEmailToken } from "@/lib/email/email-preferences";
import { fieldErrors } from "@/lib/forms/fields";
import { guardPost } from "@/lib/forms/guard-post";
import { jsonError, seeOther, serviceUnavailable } from "@/lib/forms/responses";

const ZPreferences = z.object({
  t: ZEmailToken,
  emailAlerts: z.union([z.literal("on"), z.boolean()]).optional(),
  /** Saved search id → OFF | INSTANT | DAILY. */
  frequencies: z.record(z.uuid(), ZAlertFrequency).optional(),
});

/**
 * The e-mail preferences form (no sign-in: the token of the e-mail's link is the key, and it
 * reaches only these settings): alerts on or off, and how often each saved search alerts.
 * A form post (`freq:<searchId>` fields) lands back on the page; JSON answers 200.
 */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardPost(request, { scope: "user" });
  if (!guard.ok) return guard.response;
  const form = guard.kind === "form";
  const input = form
    ? {
        t: guard.data.t,
        emailAlerts: guard.data.emailAlerts === "on",
        frequencies: Object.fromEntries(
          Object.entries(guard.data)
            .filter(([k]) => k.startsWith("freq:"))
            .map(([k, v]) => [k.slice(5), v]),
        ),
      }
    : guard.data;
  const parsed = ZPreferences.safeParse(input);
  if (!parsed.success) return jsonError(422, "validation_failed", { fields: fieldErrors(parsed.error) });
  const tenantId = guard.tenant.tenantId;
  try {
    const db = getDb();
    const visitor = await findVisitorByEmailToken(db, { tenantId, token: parsed.data.t });
    if (!visitor) return jsonError(404, "not_found");
    for (const [savedSearchId, frequency] of Object.entries(parsed.data.frequencies ?? {})) {
      await setSavedSearchAlertFrequency(db, { tenantId, visitorId: visitor.id, savedSearchId, frequency });
    }
    if (parsed.data.emailAlerts !== undefined)
      await setAlertsConsent({ tenantId, visitor, emailAlerts: parsed.data.emailAlerts === true || parsed.data.emailAlerts === "on" });
    if (form) return seeOther(`/email-preferences?t=${encodeURIComponent(parsed.data.t)}&done=saved`);
    return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
  } catch {
    return serviceUnavailable();
  }
}
