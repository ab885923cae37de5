import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AreaHero } from "@/components/area-hero";
import { AreaModules } from "@/components/area-modules";
import { MlsNotice } from "@/components/mls-notice";
import { loadAreaModules } from "@/lib/providers/area-modules";
import { getNeighborhoodCached, getPageModules } from "@/lib/site/site-data";
import { neighborhoodPath, townPath } from "@/lib/site/site-urls";
import { siteParams } from "@/lib/site/site-params";

export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ site: string; town: string; neighborhood: string }> };

async function load(params: Props["params"]) {
  const { tenantId, town, neighborhood } = await siteParams(params);
  const area = await getNeighborhoodCached({ tenantId, townSlug: decodeURIComponent(town), neighborhoodSlug: decodeURIComponent(neighborhood) });
  return { tenantId, area };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { area } = await load(params);
  if (!area) return { title: "Neighborhood not found" };
  return {
    title: `${area.name}, ${area.town.name}: neighborhood guide`,
    description: area.summary,
    alternates: { canonical: neighborhoodPath(area.town.slug, area.slug) },
  };
}

export default async function NeighborhoodPage({ params }: Props) {
  const { tenantId, area } = await load(params);
  if (!area) notFound();
  const modules = await getPageModules({ tenantId, pageKind: "NEIGHBORHOOD" });
  const views = await loadAreaModules({
    tenantId,
    modules,
    area: {
      ...area,
      state: area.town.state,
      townSlug: area.town.slug,
      neighborhoodSlug: area.slug,
      latitude: area.latitude ?? area.town.latitude,
      longitude: area.longitude ?? area.town.longitude,
    },
  });
  return (
    <>
      <AreaHero
        crumbs={[
          { href: "/", label: "Home" },
          { href: "/towns", label: "Towns" },
          { href: townPath(area.town.slug), label: area.town.name },
          { label: area.name },
        ]}
        title={area.name}
        subtitle={`A neighborhood of ${area.town.name}, ${area.town.state}`}
        summary={area.summary}
        isSample={area.isSample}
        links={[{ href: townPath(area.town.slug), label: `About ${area.town.name}` }]}
        views={views}
      />
      <div className="section section-soft">
        <div className="container">
          <AreaModules views={views} areaName={area.name} />
          {/* The MLS display rules under the town's feed listings: disclaimer and last update. */}
          <MlsNotice tenantId={tenantId} listings={views.flatMap((v) => (v.key === "listings" ? v.listings : []))} />
        </div>
      </div>
    </>
  );
}
