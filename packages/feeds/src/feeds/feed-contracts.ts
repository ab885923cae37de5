import { z } from "zod";

/**
 * An http(s) URL without credentials in it. Where it may point (https, http only for a host an
 * operator allowed, never this machine or its networks) is checked when the feed is saved
 * (feedUrlProblem in client/feed-destination.ts) and before every request.
 */
const ZServiceUrl = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine((value) => {
    // Not a URL at all: .url() above reports it (the checks all run, so this one must not throw).
    if (!URL.canParse(value)) return true;
    const u = new URL(value);
    return !u.username && !u.password && (u.protocol === "https:" || u.protocol === "http:");
  }, "must be an https URL, without credentials in it");

export const FEED_RESOURCES = ["Property", "Media", "OpenHouse", "Member", "Office"] as const;

const ZFeedCommon = z.object({
  name: z.string().trim().min(1).max(120),
  baseUrl: ZServiceUrl,
  /** An OData $filter ANDed to every Property query, e.g. "ListOfficeKey eq 'X'"; empty for the whole feed. */
  filter: z.string().trim().max(2000).optional().nullable(),
  resources: z
    .array(z.enum(FEED_RESOURCES))
    .min(1)
    .default(["Property", "Media", "OpenHouse", "Member", "Office"])
    .transform((r) => [...new Set(["Property", ...r])]),
  pageSize: z.coerce.number().int().min(10).max(1000).default(200),
  /** Keys asked for in one request of a reconciliation; unset keeps the stored one (10,000 for a new feed). */
  keyPageSize: z.coerce.number().int().min(1_000).max(100_000).optional(),
  disclaimer: z.string().trim().max(4000).optional().nullable(),
  syncIntervalSeconds: z.coerce.number().int().min(15).max(86_400).default(300),
  reconcileIntervalSeconds: z.coerce
    .number()
    .int()
    .min(600)
    .max(7 * 86_400)
    .default(86_400),
});

const ZClientCredentials = z.object({
  authKind: z.literal("client_credentials"),
  tokenUrl: ZServiceUrl,
  clientId: z.string().trim().min(1).max(500),
  /** The client secret; on an edit, empty keeps the stored one. */
  secret: z.string().max(4000).optional(),
});
const ZBearer = z.object({
  authKind: z.literal("bearer"),
  /** The static bearer token; on an edit, empty keeps the stored one. */
  secret: z.string().max(8000).optional(),
});

export const ZFeedInput = z.intersection(ZFeedCommon, z.discriminatedUnion("authKind", [ZClientCredentials, ZBearer]));
export type FeedInput = z.input<typeof ZFeedInput>;
export type FeedSettings = z.output<typeof ZFeedInput>;

/** A feed as a screen may show it: the secret only as its hint. */
export type FeedView = {
  id: string;
  tenantId: string;
  name: string;
  baseUrl: string;
  authKind: string;
  tokenUrl: string | null;
  clientId: string | null;
  secretHint: string;
  filter: string | null;
  resources: string[];
  pageSize: number;
  keyPageSize: number;
  disclaimer: string | null;
  syncIntervalSeconds: number;
  reconcileIntervalSeconds: number;
  status: string;
  consecutiveFailures: number;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastSuccessAt: Date | null;
  lastReconcileAt: Date | null;
  nextRunAt: Date;
  cursorTimestamp: Date | null;
  updatedAt: Date;
};

export const feedViewSelect = {
  id: true,
  tenantId: true,
  name: true,
  baseUrl: true,
  authKind: true,
  tokenUrl: true,
  clientId: true,
  secretHint: true,
  filter: true,
  resources: true,
  pageSize: true,
  keyPageSize: true,
  disclaimer: true,
  syncIntervalSeconds: true,
  reconcileIntervalSeconds: true,
  status: true,
  consecutiveFailures: true,
  lastError: true,
  lastErrorAt: true,
  lastSuccessAt: true,
  lastReconcileAt: true,
  nextRunAt: true,
  cursorTimestamp: true,
  updatedAt: true,
} as const;
