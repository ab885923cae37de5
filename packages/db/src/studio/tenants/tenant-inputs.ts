import { TENANT_STATUSES, ZHexColor, ZTenantSlug } from "@real-estate/types";
import { z } from "zod";

const ZTenantName = z.string().trim().min(2, "at least 2 characters").max(120);
const ZTagline = z.string().trim().max(200).transform((v) => v || null);

export const ZTenantCreateInput = z
  .object({
    slug: ZTenantSlug,
    name: ZTenantName,
    primaryColor: ZHexColor.transform((v) => v.toLowerCase()).optional(),
    accentColor: ZHexColor.transform((v) => v.toLowerCase()).optional(),
    tagline: ZTagline.nullable().optional(),
  })
  .strict();
export type TTenantCreateInput = z.input<typeof ZTenantCreateInput>;

export const ZTenantUpdateInput = ZTenantCreateInput.partial().strict();
export type TTenantUpdateInput = z.input<typeof ZTenantUpdateInput>;

export const ZTenantStatusInput = z.object({ status: z.enum(TENANT_STATUSES) }).strict();
