import { getSite, isTenantId } from "@/lib/site/site-data";
import { absoluteUrl } from "@/lib/site/site-urls";
import { routeSiteParams } from "@/lib/site/site-params";

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

/** robots.txt pointing at the tenant's sitemap on its primary host. */
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
    "Disallow: /sign-in",
    "Disallow: /sign-up",
    "",
    `Sitemap: ${absoluteUrl(site.primaryHostname, "/sitemap.xml")}`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
