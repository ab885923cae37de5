import { notifySiteChange, SECOND_REVALIDATION_MS } from "@real-estate/sites";
import { studioEnv } from "./env";

export type RevalidateResult = { ok: true } | { ok: false; reason: string };

/**
 * One instance's revalidation, within 3 s in all. A redirect is not followed: the token would go
 * along to wherever it points (fetch keeps custom headers across origins), so a 3xx is a failure.
 * The answer's body is not read (the status says it all): it is cancelled, its connection closed.
 */
async function revalidateInstance(url: string, tenantId: string, token: string): Promise<string | null> {
  try {
    const res = await fetch(new URL("/api/internal/revalidate", url), {
      method: "POST",
      headers: { "content-type": "application/json", "x-internal-token": token },
      body: JSON.stringify({ tenantId }),
      signal: AbortSignal.timeout(3_000),
      cache: "no-store",
      redirect: "manual",
    });
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 300 && res.status < 400) return `web app ${url} answered ${res.status}: a redirect, not followed`;
    return res.ok ? null : `web app ${url} answered ${res.status}`;
  } catch (error) {
    return `web app ${url}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function revalidateAll(urls: string[], tenantId: string, token: string): Promise<string[]> {
  return (await Promise.all(urls.map((url) => revalidateInstance(url, tenantId, token)))).filter((f): f is string => f !== null);
}

/**
 * Asks every web app instance (WEB_INTERNAL_URL, comma-separated) to drop a tenant's cached pages
 * at once, then announces the change in PostgreSQL (the edge cache in front of the website purges
 * the tenant's pages when it hears it), and revalidates every instance once more a second later
 * (SECOND_REVALIDATION_MS). Best effort: the change is already saved, so an instance that is down
 * or slow only delays it; the caller shows the outcome of the first pass to the operator. (The
 * web app's host lookups also expire by themselves within seconds.)
 */
export async function revalidateTenantSite(tenantId: string): Promise<RevalidateResult> {
  const env = studioEnv();
  const failures = await revalidateAll(env.WEB_INTERNAL_URLS, tenantId, env.INTERNAL_API_TOKEN);
  try {
    await notifySiteChange({ tenantId });
  } catch (error) {
    failures.push(`site-change announcement: ${error instanceof Error ? error.message : String(error)}`);
  }
  const again = setTimeout(() => {
    void revalidateAll(env.WEB_INTERNAL_URLS, tenantId, env.INTERNAL_API_TOKEN).then((late) => {
      if (late.length) console.warn(`[studio] second revalidation of tenant ${tenantId}'s website: ${late.join("; ")}`);
    });
  }, SECOND_REVALIDATION_MS);
  again.unref();
  if (!failures.length) return { ok: true };
  const reason = failures.join("; ");
  console.warn(`[studio] could not revalidate the website of tenant ${tenantId}: ${reason}`);
  return { ok: false, reason };
}
