import type { Metadata } from "next";
import { PageHead } from "@/components/page-head";
import { TenantForm } from "@/components/tenant-form";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "New tenant" };

export default async function NewTenantPage() {
  await requireOperatorPage();
  return (
    <>
      <PageHead
        title="New tenant"
        subtitle="The website gets every page module switched on; add its host names next."
        crumbs={[{ href: "/tenants", label: "Tenants" }]}
      />
      <div className="panel" style={{ maxWidth: 760 }}>
        <div className="panel-body">
          <TenantForm
            initial={{
              slug: "",
              name: "",
              primaryColor: "#1f4e79",
              accentColor: "#c8102e",
              tagline: "",
              country: "US",
              timeZone: "America/New_York",
              clerkOrganizationId: "",
            }}
          />
        </div>
      </div>
    </>
  );
}
