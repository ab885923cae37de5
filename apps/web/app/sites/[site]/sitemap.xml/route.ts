import { getListingKeys, getSite, getTowns, isTenantId } from "@/lib/site/site-data";
import { absoluteUrl, listingPath, neighborhoodPath, townPath } from "@/lib/site/site-urls";
import { routeSiteParams } from "@/lib/site/site-params";

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The tenant's sitemap: every URL on its primary host (from configuration, never the request's Host). */
export async function GET(_request: Request, { params }: { params: Promise<{ site: string }> }): Promise<Response> {
  const resolved = await routeSiteParams(params);
  if (!resolved) return new Response("Not found", { status: 404 });
  const { tenantId } = resolved;
  const site = isTenantId(tenantId) ? await getSite({ tenantId }) : null;
  if (!site) return new Response("Not found", { status: 404 });
  const [towns, listings] = await Promise.all([getTowns({ tenantId }), getListingKeys({ tenantId })]);
  const host = site.primaryHostname;
  const urls: { loc: string; lastmod?: string }[] = [
    ...["/", "/homes", "/towns", "/home-value", "/contact"].map((p) => ({ loc: absoluteUrl(host, p) })),
    ...towns.flatMap((t) => [
      { loc: absoluteUrl(host, townPath(t.slug)) },
      ...t.neighborhoods.map((n) => ({ loc: absoluteUrl(host, neighborhoodPath(t.slug, n.slug)) })),
    ]),
    ...listings.map((l) => ({ loc: absoluteUrl(host, listingPath(l.listingKey)), lastmod: l.modifiedAt })),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((u) => `  <url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ""}</url>`)
    .join("\n")}\n</urlset>\n`;
  return new Response(body, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
