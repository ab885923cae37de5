import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AreaHero } from "@/components/area-hero";
import { AreaModules } from "@/components/area-modules";
import { loadAreaModules } from "@/lib/providers/area-modules";
import { getPageModules, getTownCached } from "@/lib/site/site-data";
import { neighborhoodPath, townPath } from "@/lib/site/site-urls";

export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ tenantId: string; town: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenantId, town: townSlug } = await params;
  const town = await getTownCached({ tenantId, townSlug: decodeURIComponent(townSlug) });
  if (!town) return { title: "Town not found" };
  return { title: `${town.name}, ${town.state}: homes, schools and taxes`, description: town.summary, alternates: { canonical: townPath(town.slug) } };
}

export default async function TownPage({ params }: Props) {
  const { tenantId, town: townSlug } = await params;
  const town = await getTownCached({ tenantId, townSlug: decodeURIComponent(townSlug) });
  if (!town) notFound();
  const modules = await getPageModules({ tenantId, pageKind: "TOWN" });
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
        </div>
      </div>
    </>
  );
}
