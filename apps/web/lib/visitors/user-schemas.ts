import { z } from "zod";
import { ZVisitorPreferences } from "@real-estate/sites";
import { phoneField, ZText } from "../forms/fields";
import { SEARCH_PARAM_KEYS } from "../search/search-path";
import { perCountry } from "../forms/per-country";

/** PUT /api/user/profile: the fields to change (null clears name or phone); the phone is read in `country`. */
export const profileUpdateSchema = perCountry((country: string) =>
  z
    .object({
      name: z.union([z.null(), ZText(120, "Name").transform((v) => v.trim())]).optional(),
      phone: z.union([z.null(), phoneField(country)]).optional(),
      preferences: ZVisitorPreferences.optional(),
    })
    .strict(),
);

export const ZListingKey = ZText(64, "listingKey")
  .transform((v) => v.trim())
  .refine((v) => v.length > 0, "listingKey is required");

const ZSearchQuery = z.partialRecord(z.enum(SEARCH_PARAM_KEYS), ZText(200, "Search"));

export const ZSavedSearchInput = z.object({
  name: ZText(120, "Name")
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, "Please name the search"),
  query: ZSearchQuery,
});

/** POST /api/user/sync: what the browser saved before signing in. */
export const ZSyncInput = z
  .object({
    listingKeys: z.array(ZListingKey).max(200, "At most 200 saved homes at once").default([]),
    searches: z.array(ZSavedSearchInput).max(50, "At most 50 saved searches at once").default([]),
  })
  .strict();
