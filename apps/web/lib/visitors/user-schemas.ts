import { z } from "zod";
import { ZVisitorPreferences } from "@real-estate/db/visitors";
import { ZPhoneField } from "../forms/fields";
import { SEARCH_PARAM_KEYS } from "../search/search-path";

/** PUT /api/user/profile: the fields to change (null clears name or phone). */
export const ZProfileUpdate = z
  .object({
    name: z.union([z.null(), z.string().trim().max(120, "Name is too long (at most 120 characters)")]).optional(),
    phone: z.union([z.null(), ZPhoneField]).optional(),
    preferences: ZVisitorPreferences.optional(),
  })
  .strict();

export const ZListingKey = z.string("listingKey is required").trim().min(1, "listingKey is required").max(64, "listingKey is at most 64 characters");

const ZSearchQuery = z.partialRecord(z.enum(SEARCH_PARAM_KEYS), z.string().max(200));

export const ZSavedSearchInput = z.object({
  name: z.string().trim().min(1, "Please name the search").max(120, "Name is too long (at most 120 characters)"),
  query: ZSearchQuery,
});

/** POST /api/user/sync: what the browser saved before signing in. */
export const ZSyncInput = z
  .object({
    listingKeys: z.array(ZListingKey).max(200, "At most 200 saved homes at once").default([]),
    searches: z.array(ZSavedSearchInput).max(50, "At most 50 saved searches at once").default([]),
  })
  .strict();
