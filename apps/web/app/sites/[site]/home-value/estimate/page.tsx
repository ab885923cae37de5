import type { Metadata } from "next";
import { z } from "zod";
import { estimateHomeValue } from "@real-estate/sites";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { EstimateView } from "@/components/estimate-view";
import { publicEstimate, valuationSubject } from "@/lib/forms/valuation-estimate";
import { optionalInt, optionalNumber, optionalText } from "@/lib/forms/fields";
import { siteParams } from "@/lib/site/site-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your home value estimate", robots: { index: false } };

const ZEstimateQuery = z.object({
  address: optionalText(300),
  town: optionalText(120),
  livingArea: optionalInt(100, 100_000, "Living area"),
  bedrooms: optionalInt(0, 50, "Bedrooms"),
  bathrooms: optionalNumber(0, 50, "Bathrooms"),
  yearBuilt: optionalInt(1600, new Date().getUTCFullYear(), "Year built"),
  propertyType: optionalText(60),
});

type Props = { params: Promise<{ site: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where a valuation form posted without JavaScript lands: the estimate for the facts in the query. */
export default async function EstimatePage({ params, searchParams }: Props) {
  const { tenantId } = await siteParams(params);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ZEstimateQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : {};
  const estimate =
    q.town && (q.livingArea || q.bedrooms !== undefined) ? await estimateHomeValue({ tenantId, subject: valuationSubject({ ...q, town: q.town }) }) : null;
  return (
    <div className="section">
      <div className="container narrow" style={{ maxWidth: 760 }}>
        <Breadcrumbs items={[{ href: "/", label: "Home" }, { href: "/home-value", label: "Home value" }, { label: "Your estimate" }]} />
        <h1>Your home value estimate</h1>
        <p className="alert alert-success" role="status">
          Thank you, we have your request. A local agent will follow up with a detailed market analysis.
        </p>
        <EstimateView estimate={publicEstimate(estimate)} address={q.address ?? "your home"} />
        <p style={{ marginTop: 24 }}>
          <a className="btn btn-outline" href="/homes">
            Browse homes for sale
          </a>
        </p>
      </div>
    </div>
  );
}
