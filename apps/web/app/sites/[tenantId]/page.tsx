import { getTenant } from "@real-estate/db/tenants";
import { notFound } from "next/navigation";

export default async function Home({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  const tenant = await getTenant({ tenantId });
  if (!tenant) notFound();
  return (
    <main style={{ borderTop: `6px solid ${tenant.primaryColor}` }}>
      <h1>{tenant.name}</h1>
    </main>
  );
}
