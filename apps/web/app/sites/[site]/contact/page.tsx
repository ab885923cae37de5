import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { LeadForm } from "@/components/forms/lead-form";
import { AgentProfileCard } from "@/components/agent-profile-card";
import { getSite, getWebsiteAgents } from "@/lib/site/site-data";
import { siteParams } from "@/lib/site/site-params";

export const revalidate = 5;

export const metadata: Metadata = {
  title: "Contact us",
  description: "Questions about buying or selling? Send us a message and a local agent will get back to you.",
  alternates: { canonical: "/contact" },
};

export default async function ContactPage({ params }: { params: Promise<{ site: string }> }) {
  const { tenantId } = await siteParams(params);
  const [site, agents] = await Promise.all([getSite({ tenantId }), getWebsiteAgents({ tenantId })]);
  if (!site) notFound();
  return (
    <div className="section">
      <div className="container">
        <Breadcrumbs items={[{ href: "/", label: "Home" }, { label: "Contact" }]} />
        <div className="form-page">
          <div>
            <p className="eyebrow">We&apos;re here to help</p>
            <h1>Contact {site.name}</h1>
            <p className="muted" style={{ fontSize: "1.1rem" }}>
              Buying, selling or just curious about the market? Send us a message and a local agent will reply, usually within one business day.
            </p>
            <div className="card card-pad" style={{ marginTop: 24 }}>
              <h2 style={{ fontSize: "1.1rem" }}>Our office</h2>
              <address style={{ fontStyle: "normal", display: "grid", gap: 6 }}>
                {site.officeAddress ? <span>{site.officeAddress}</span> : null}
                {site.contactPhone ? <a href={`tel:${site.contactPhone.replace(/[^0-9+]/g, "")}`}>{site.contactPhone}</a> : null}
                {site.contactEmail ? <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> : null}
              </address>
            </div>
            {agents.length ? (
              <div className="card card-pad" style={{ marginTop: 16 }} data-testid="our-agents">
                <h2 style={{ fontSize: "1.1rem" }}>Our agents</h2>
                <div className="agent-list">
                  {agents.map((agent) => (
                    <AgentProfileCard key={agent.membershipId} agent={agent} country={site.country} />
                  ))}
                </div>
              </div>
            ) : null}
          </div>
          <div className="card card-pad">
            <h2 style={{ fontSize: "1.3rem" }}>Send us a message</h2>
            <LeadForm idPrefix="contact" renderedAt={Date.now()} />
          </div>
        </div>
      </div>
    </div>
  );
}
