import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getSite, getTowns } from "@/lib/site/site-data";
import { brandColorVariables } from "@/lib/site/brand-colors";
import { siteOrigin } from "@/lib/site/site-urls";
import { siteParams } from "@/lib/site/site-params";

// Pages under a tenant are generated on first request and then served from cache (ISR),
// refreshed in the background at most every 5 s, or at once by POST /api/internal/revalidate.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { children: React.ReactNode; params: Promise<{ site: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { tenantId } = await siteParams(params);
  const site = await getSite({ tenantId });
  if (!site) return {};
  return {
    metadataBase: new URL(siteOrigin(site.primaryHostname)),
    title: { default: site.siteTitle, template: `%s | ${site.siteTitle}` },
    description: site.tagline ?? site.heroSubheadline ?? `${site.name}: homes for sale, towns and home values.`,
    openGraph: { siteName: site.siteTitle, type: "website" },
  };
}

export default async function SiteLayout({ children, params }: Props) {
  const { tenantId } = await siteParams(params);
  const site = await getSite({ tenantId });
  if (!site) notFound();
  const towns = await getTowns({ tenantId });
  const brand = brandColorVariables({ primaryColor: site.primaryColor, accentColor: site.accentColor }) as React.CSSProperties;
  return (
    <div className="site" style={brand} data-tenant={site.slug}>
      <SiteHeader site={site} />
      <main id="main">{children}</main>
      <SiteFooter site={site} towns={towns} />
    </div>
  );
}
