import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HeroSearch } from "@/components/hero-search";
import { ListingGrid } from "@/components/listing-card";
import { MlsNotice } from "@/components/mls-notice";
import { TownCard } from "@/components/town-card";
import { formatNumber } from "@/lib/format";
import { listingPhotos } from "@/lib/site/listing-photos";
import { getFeatured, getSite, getTowns } from "@/lib/site/site-data";
import { siteParams } from "@/lib/site/site-params";

export const revalidate = 5;

type Props = { params: Promise<{ site: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenantId } = await siteParams(params);
  const site = await getSite({ tenantId });
  return { title: { absolute: site ? `${site.siteTitle} | ${site.heroHeadline}` : "Homes for sale" }, alternates: { canonical: "/" } };
}

export default async function Home({ params }: Props) {
  const { tenantId } = await siteParams(params);
  const [site, featured, towns] = await Promise.all([getSite({ tenantId }), getFeatured({ tenantId, limit: 6 }), getTowns({ tenantId })]);
  if (!site) notFound();
  const heroPhoto = featured[0] ? listingPhotos(featured[0])[0] : undefined;
  const forSale = towns.reduce((n, t) => n + t.activeListings, 0);
  const neighborhoods = towns.reduce((n, t) => n + t.neighborhoods.length, 0);
  return (
    <>
      <section className="hero">
        {heroPhoto ? (
          <div className="hero-bg" aria-hidden="true">
            <img src={heroPhoto.url} alt="" />
          </div>
        ) : null}
        <div className="container">
          <p className="eyebrow">{site.name}</p>
          <h1>{site.heroHeadline}</h1>
          {site.heroSubheadline ? <p className="lead">{site.heroSubheadline}</p> : null}
          <HeroSearch towns={towns} />
        </div>
      </section>
      <section className="trust-strip" aria-label="At a glance">
        <div className="container">
          <ul>
            <li>
              <strong>{formatNumber(forSale)}</strong>
              <span>homes for sale</span>
            </li>
            <li>
              <strong>{towns.length}</strong>
              <span>towns we serve</span>
            </li>
            <li>
              <strong>{neighborhoods}</strong>
              <span>neighborhood guides</span>
            </li>
          </ul>
        </div>
      </section>
      <section className="section">
        <div className="container">
          <div className="section-head">
            <div>
              <p className="eyebrow">Just listed</p>
              <h2>Featured homes</h2>
            </div>
            <a className="btn btn-outline" href="/homes">
              See all homes
            </a>
          </div>
          {featured.length ? <ListingGrid listings={featured} /> : <p className="muted">New listings are on their way. Check back soon.</p>}
          <MlsNotice tenantId={tenantId} listings={featured} />
        </div>
      </section>
      {towns.length ? (
        <section className="section section-soft">
          <div className="container">
            <div className="section-head">
              <div>
                <p className="eyebrow">Local knowledge</p>
                <h2>Towns we serve</h2>
                <p>Schools, taxes, commutes and the homes on the market, town by town.</p>
              </div>
              <a className="btn btn-outline" href="/towns">
                All towns
              </a>
            </div>
            <div className="grid grid-3">
              {towns.slice(0, 6).map((t) => (
                <TownCard key={t.slug} town={t} />
              ))}
            </div>
          </div>
        </section>
      ) : null}
      <section className="section">
        <div className="container">
          <div className="cta-band">
            <div>
              <h2>Thinking of selling?</h2>
              <p>Get an instant estimate from recent comparable homes, then talk it through with a local agent.</p>
            </div>
            <div className="btns">
              <a className="btn btn-light" href="/home-value">
                What&apos;s my home worth?
              </a>
              <a className="btn btn-accent" href="/contact">
                Talk to an agent
              </a>
            </div>
          </div>
        </div>
      </section>
    </>
  );
}
