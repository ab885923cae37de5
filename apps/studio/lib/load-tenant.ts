import { getStudioTenant, StudioNotFoundError } from "@real-estate/operator";
import { notFound } from "next/navigation";
import { cache } from "react";

/** The tenant of a /tenants/[tenantId] page, or the 404 page. */
export const loadTenant = cache(async (tenantId: string) => {
  try {
    return await getStudioTenant({ tenantId });
  } catch (error) {
    if (error instanceof StudioNotFoundError) notFound();
    throw error;
  }
});
