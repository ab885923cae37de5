import { studioEnv } from "./env";

export type RevalidateResult = { ok: true } | { ok: false; reason: string };

/**
 * Asks the web app to drop a tenant's cached pages at once. Best effort: the change is already
 * saved, so a web app that is down or slow only delays it; the caller shows the outcome to the
 * operator. (The web app's host lookups also expire by themselves within seconds.)
 */
export async function revalidateTenantSite(tenantId: string): Promise<RevalidateResult> {
  const env = studioEnv();
  try {
    const res = await fetch(new URL("/api/internal/revalidate", env.WEB_INTERNAL_URL), {
      method: "POST",
      headers: { "content-type": "application/json", "x-internal-token": env.INTERNAL_API_TOKEN },
      body: JSON.stringify({ tenantId }),
      signal: AbortSignal.timeout(3_000),
      cache: "no-store",
    });
    if (res.ok) return { ok: true };
    return { ok: false, reason: `web app answered ${res.status}` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[studio] could not revalidate the website of tenant ${tenantId}: ${reason}`);
    return { ok: false, reason };
  }
}
