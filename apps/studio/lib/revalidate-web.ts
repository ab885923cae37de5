import { notifySiteChange } from "@real-estate/sites";
import { studioEnv } from "./env";

export type RevalidateResult = { ok: true } | { ok: false; reason: string };

async function revalidateInstance(url: string, tenantId: string, token: string): Promise<string | null> {
  try {
    const res = await fetch(new URL("/api/internal/revalidate", url), {
      method: "POST",
      headers: { "content-type": "application/json", "x-internal-token": token },
      body: JSON.stringify({ tenantId }),
      signal: AbortSignal.timeout(3_000),
      cache: "no-store",
    });
    return res.ok ? null : `web app ${url} answered ${res.status}`;
  } catch (error) {
    return `web app ${url}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Asks every web app instance (WEB_INTERNAL_URL, comma-separated) to drop a tenant's cached pages
 * at once, then announces the change in PostgreSQL (the edge cache in front of the website purges
 * the tenant's pages when it hears it). Best effort: the change is already saved, so an instance
 * that is down or slow only delays it; the caller shows the outcome to the operator. (The web
 * app's host lookups also expire by themselves within seconds.)
 */
export async function revalidateTenantSite(tenantId: string): Promise<RevalidateResult> {
  const env = studioEnv();
  const failures = (await Promise.all(env.WEB_INTERNAL_URLS.map((url) => revalidateInstance(url, tenantId, env.INTERNAL_API_TOKEN)))).filter(
    (f): f is string => f !== null,
  );
  try {
    await notifySiteChange({ tenantId });
  } catch (error) {
    failures.push(`site-change announcement: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!failures.length) return { ok: true };
  const reason = failures.join("; ");
  console.warn(`[studio] could not revalidate the website of tenant ${tenantId}: ${reason}`);
  return { ok: false, reason };
}
