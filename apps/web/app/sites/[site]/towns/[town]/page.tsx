import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AreaHero } from "@/components/area-hero";
import { AreaModules } from "@/components/area-modules";
import { MlsNotice } from "@/components/mls-notice";
import { SmallMap } from "@/components/small-map";
import { loadAreaModules } from "@/lib/providers/area-modules";
import { getListingPointsCached, getPageModules, getTownCached } from "@/lib/site/site-data";
import { neighborhoodPath, townPath } from "@/lib/site/site-urls";
import { siteParams } from "@/lib/site/site-params";
import { siteMapStyleUrl } from "@/lib/site/map-style";

export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

/** Homes drawn on the town's small map (the most recently updated first). */
const SMALL_MAP_POINTS = 500;

type Props = { params: Promise<{ site: string; town: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenantId, town: townSlug } = await siteParams(params);
  const town = await getTownCached({ tenantId, townSlug: decodeURIComponent(townSlug) });
  if (!town) return { title: "Town not found" };
  return { title: `${town.name}, ${town.state}: homes, schools and taxes`, description: town.summary, alternates: { canonical: townPath(town.slug) } };
}

export default async function TownPage({ params }: Props) {
  const { tenantId, town: townSlug } = await siteParams(params);
  const town = await getTownCached({ tenantId, townSlug: decodeURIComponent(townSlug) });
  if (!town) notFound();
  const [modules, points] = await Promise.all([
    getPageModules({ tenantId, pageKind: "TOWN" }),
    getListingPointsCached({ tenantId, filters: { town: town.slug }, limit: SMALL_MAP_POINTS }),
  ]);
  const views = await loadAreaModules({ tenantId, modules, area: { ...town, townSlug: town.slug } });
  return (
    <>
      <AreaHero
        crumbs={[{ href: "/", label: "Home" }, { href: "/towns", label: "Towns" }, { label: town.name }]}
        title={`${town.name}, ${town.state}`}
        subtitle={town.county ? `${town.county}` : undefined}
        summary={town.summary}
        isSample={town.isSample}
        links={town.neighborhoods.map((n) => ({ href: neighborhoodPath(town.slug, n.slug), label: n.name }))}
        views={views}
      />
      <div className="section section-soft">
        <div className="container">
          <AreaModules views={views} areaName={town.name} />
          {points.points.length ? (
            <SmallMap
              label={`Map of the homes for sale in ${town.name}`}
              styleUrl={await siteMapStyleUrl(tenantId)}
              points={points.points.map((p) => ({ key: p.key, lat: p.lat, lng: p.lng, price: p.price }))}
            />
          ) : null}
          {/* The MLS display rules under the town's feed listings: disclaimer and last update. */}
          <MlsNotice tenantId={tenantId} listings={views.flatMap((v) => (v.key === "listings" ? v.listings : []))} />
        </div>
      </div>
    </>
  );
}
