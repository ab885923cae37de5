import { getSite, isTenantId } from "@/lib/site/site-data";
import { absoluteUrl } from "@/lib/site/site-urls";
import { routeSiteParams } from "@/lib/site/site-params";

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

/**
 * robots.txt pointing at the tenant's sitemap on its primary host. The visitor's own pages
 * (`/account`) and the API are not for crawlers; the sign-in, sign-up and password-reset pages
 * are public entry points and may be crawled and indexed (decision 0055).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ site: string }> }): Promise<Response> {
  const resolved = await routeSiteParams(params);
  if (!resolved) return new Response("Not found", { status: 404 });
  const { tenantId } = resolved;
  const site = isTenantId(tenantId) ? await getSite({ tenantId }) : null;
  if (!site) return new Response("Not found", { status: 404 });
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /api/",
    "Disallow: /account",
    "",
    `Sitemap: ${absoluteUrl(site.primaryHostname, "/sitemap.xml")}`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
