import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { TownCard } from "@/components/town-card";
import { getTowns } from "@/lib/site/site-data";
import { siteParams } from "@/lib/site/site-params";

export const revalidate = 5;

export const metadata: Metadata = {
  title: "Towns we serve",
  description: "Guides to the towns and neighborhoods we serve: schools, taxes, things to do and homes for sale.",
  alternates: { canonical: "/towns" },
};

export default async function TownsIndex({ params }: { params: Promise<{ site: string }> }) {
  const { tenantId } = await siteParams(params);
  const towns = await getTowns({ tenantId });
  return (
    <div className="section">
      <div className="container">
        <Breadcrumbs items={[{ href: "/", label: "Home" }, { label: "Towns" }]} />
        <div className="section-head">
          <div>
            <h1>Towns we serve</h1>
            <p>Local guides with schools, taxes, commutes and the homes on the market.</p>
          </div>
        </div>
        {towns.length ? (
          <div className="grid grid-3">
            {towns.map((t) => (
              <TownCard key={t.slug} town={t} headingLevel={2} />
            ))}
          </div>
        ) : (
          <p className="muted">Town guides are coming soon.</p>
        )}
      </div>
    </div>
  );
}
