import { isPhoneCountry, TENANT_STATUSES, ZHexColor, ZTenantSlug, ZTimeZone } from "@real-estate/types";
import { z } from "zod";

const ZTenantName = z.string().trim().min(2, "at least 2 characters").max(120);
const ZTagline = z
  .string()
  .trim()
  .max(200)
  .transform((v) => v || null);
/** The Clerk organization whose members are the tenant's staff (AUTH_PROVIDER=clerk); empty clears it. */
const ZClerkOrganizationId = z
  .string()
  .trim()
  .max(64)
  .refine((v) => v === "" || /^org_[A-Za-z0-9]+$/.test(v), "a Clerk organization id (org_…)")
  .transform((v) => v || null);

export const ZTenantCreateInput = z
  .object({
    slug: ZTenantSlug,
    name: ZTenantName,
    primaryColor: ZHexColor.transform((v) => v.toLowerCase()).optional(),
    accentColor: ZHexColor.transform((v) => v.toLowerCase()).optional(),
    tagline: ZTagline.nullable().optional(),
    /** ISO 3166-1 alpha-2 region for phone numbers written without a country code. */
    country: z.string().trim().toUpperCase().refine(isPhoneCountry, "a two-letter country code such as US, CA or GB").optional(),
    /** IANA time zone of the brokerage's days and displayed times. */
    timeZone: ZTimeZone.optional(),
    clerkOrganizationId: ZClerkOrganizationId.nullable().optional(),
  })
  .strict();
export type TenantCreateInput = z.input<typeof ZTenantCreateInput>;

export const ZTenantUpdateInput = ZTenantCreateInput.partial().strict();
export type TenantUpdateInput = z.input<typeof ZTenantUpdateInput>;

export const ZTenantStatusInput = z.object({ status: z.enum(TENANT_STATUSES) }).strict();
