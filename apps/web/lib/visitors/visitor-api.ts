import type { ResolvedTenant } from "@real-estate/types";
import { getVisitorBySession, type VisitorProfile } from "@real-estate/sites";
import { jsonError, serviceUnavailable } from "../forms/responses";
import { guardPost, type GuardedPost } from "../forms/guard-post";
import type { BodyKind } from "@real-estate/http";
import { requestTenant } from "../site/request-tenant";
import { readCookie, SESSION_COOKIE } from "./session-cookie";

export type VisitorRequest =
  { ok: true; tenant: ResolvedTenant; visitor: VisitorProfile; kind: BodyKind | null; data: Record<string, unknown> } | { ok: false; response: Response };

async function visitorOf(request: Request, tenant: ResolvedTenant): Promise<VisitorProfile | null> {
  return getVisitorBySession({ tenantId: tenant.tenantId, token: readCookie(request.headers, SESSION_COOKIE) });
}

/** A signed-in visitor's read request (GET): 401 without a session of this tenant. */
export async function visitorRead(request: Request): Promise<VisitorRequest> {
  try {
    const tenant = await requestTenant(request);
    if (!tenant) return { ok: false, response: jsonError(404, "unknown_tenant") };
    const visitor = await visitorOf(request, tenant);
    if (!visitor) return { ok: false, response: jsonError(401, "not_signed_in") };
    return { ok: true, tenant, visitor, kind: null, data: {} };
  } catch {
    return { ok: false, response: serviceUnavailable() };
  }
}

/** A signed-in visitor's write (POST/PUT/DELETE): the POST guards, then the session. */
export async function visitorWrite(request: Request, options: { signInPath?: string } = {}): Promise<VisitorRequest> {
  const guard: GuardedPost = await guardPost(request, { scope: "user" });
  if (!guard.ok) return guard;
  try {
    const visitor = await visitorOf(request, guard.tenant);
    if (!visitor) {
      if (guard.kind === "form" && options.signInPath) {
        return { ok: false, response: new Response(null, { status: 303, headers: { location: options.signInPath } }) };
      }
      return { ok: false, response: jsonError(401, "not_signed_in") };
    }
    return { ok: true, tenant: guard.tenant, visitor, kind: guard.kind, data: guard.data };
  } catch {
    return { ok: false, response: serviceUnavailable() };
  }
}
