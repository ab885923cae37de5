import { findVisitorByEmailToken } from "@real-estate/sites";
import { getDb } from "@real-estate/db";
import { setAlertsConsent, ZEmailToken } from "@/lib/email/email-preferences";
import { guardPost } from "@/lib/forms/guard-post";
import { jsonError, seeOther, serviceUnavailable } from "@/lib/forms/responses";
import { requestTenant } from "@/lib/site/request-tenant";

/**
 * RFC 8058 one-click unsubscribe: the mail provider POSTs `List-Unsubscribe=One-Click` to the URL
 * of the List-Unsubscribe header (`?t=<token>`); the visitor's alerts stop at once, marketing mail
 * to the address is suppressed (queued alerts included), and the answer is 200. The preferences
 * page's button posts the same with `return=1` and lands back on the page. An unknown token is a
 * 404 and changes nothing.
 */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardPost(request, { scope: "user" });
  if (!guard.ok) return guard.response;
  const token = ZEmailToken.safeParse(new URL(request.url).searchParams.get("t") ?? guard.data.t);
  if (!token.success) return jsonError(404, "not_found");
  if (guard.data["List-Unsubscribe"] !== "One-Click") return jsonError(422, "validation_failed", { fields: { "List-Unsubscribe": "must be One-Click" } });
  const tenantId = guard.tenant.tenantId;
  try {
    const visitor = await findVisitorByEmailToken(getDb(), { tenantId, token: token.data });
    if (!visitor) return jsonError(404, "not_found");
    await setAlertsConsent({ tenantId, visitor, emailAlerts: false });
    if (guard.data.return === "1") return seeOther(`/email-preferences?t=${encodeURIComponent(token.data)}&done=unsubscribed`);
    return new Response("Unsubscribed: no more saved-search alerts will be sent to this address.\n", {
      status: 200,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  } catch {
    return serviceUnavailable();
  }
}

/** A person who opens the header's link in a browser gets the preferences page (a GET never unsubscribes: link scanners open links). */
export async function GET(request: Request): Promise<Response> {
  let tenant;
  try {
    tenant = await requestTenant(request);
  } catch {
    return serviceUnavailable();
  }
  if (!tenant) return jsonError(404, "unknown_tenant");
  const token = ZEmailToken.safeParse(new URL(request.url).searchParams.get("t"));
  return seeOther(token.success ? `/email-preferences?t=${encodeURIComponent(token.data)}` : "/email-preferences");
}
