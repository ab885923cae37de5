import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ValuationForm } from "@/components/forms/valuation-form";
import { searchContext } from "@/lib/search/search-page";
import { siteParams } from "@/lib/site/site-params";

export const revalidate = 5;

export const metadata: Metadata = {
  title: "What's my home worth?",
  description: "Get an instant, automated estimate of your home's value from comparable homes nearby, then a detailed analysis from a local agent.",
  alternates: { canonical: "/home-value" },
};

export default async function HomeValuePage({ params }: { params: Promise<{ site: string }> }) {
  const { tenantId } = await siteParams(params);
  const ctx = await searchContext(tenantId);
  return (
    <div className="section">
      <div className="container">
        <Breadcrumbs items={[{ href: "/", label: "Home" }, { label: "Home value" }]} />
        <div className="form-page">
          <div>
            <p className="eyebrow">For sellers</p>
            <h1>What&apos;s my home worth?</h1>
            <p className="muted" style={{ fontSize: "1.1rem" }}>
              Tell us about your property for an instant estimate based on comparable homes in our listings.
            </p>
            <ol className="steps">
              <li>
                <div>
                  <strong>Describe your home</strong>
                  <br />
                  <span className="muted">Address, town, size and bedrooms.</span>
                </div>
              </li>
              <li>
                <div>
                  <strong>See an instant estimate</strong>
                  <br />
                  <span className="muted">A range from recent comparable homes, with the homes we used.</span>
                </div>
              </li>
              <li>
                <div>
                  <strong>Get a detailed analysis</strong>
                  <br />
                  <span className="muted">A local agent follows up with a free, no-obligation market analysis.</span>
                </div>
              </li>
            </ol>
          </div>
          <div className="card card-pad">
            <ValuationForm towns={ctx.towns} propertyTypes={ctx.propertyTypes} renderedAt={Date.now()} />
          </div>
        </div>
      </div>
    </div>
  );
}
