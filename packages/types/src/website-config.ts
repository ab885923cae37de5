import { z } from "zod";
import { hasSpaceOrControl } from "./text";

/** Modules a town or neighbourhood page can show, in their default order. */
export const WEBSITE_MODULE_KEYS = ["at-a-glance", "taxes", "schools", "walk-score", "nearby-places", "listings", "valuation-cta"] as const;
export type WebsiteModuleKey = (typeof WEBSITE_MODULE_KEYS)[number];
export const ZWebsiteModuleKey = z.enum(WEBSITE_MODULE_KEYS);

export const PAGE_KINDS = ["TOWN", "NEIGHBORHOOD"] as const;
export type PageKindData = (typeof PAGE_KINDS)[number];

export const MODULE_LABELS: Record<WebsiteModuleKey, string> = {
  "at-a-glance": "At a glance",
  taxes: "Property taxes",
  schools: "Schools",
  "walk-score": "Walk Score",
  "nearby-places": "Nearby places",
  listings: "Homes for sale",
  "valuation-cta": "Home value call to action",
};

export const ZModuleSettings = z
  .object({
    /** Heading shown above the module; default is MODULE_LABELS[key]. */
    title: z.string().max(120).optional(),
    /** listings: how many to show (default 6). */
    limit: z.number().int().min(1).max(24).optional(),
    /** nearby-places: place types to ask for (default restaurant, park, school). */
    placeTypes: z.array(z.string().max(40)).max(10).optional(),
  })
  .strict();
export type ModuleSettings = z.infer<typeof ZModuleSettings>;

export type ModuleConfigData = {
  pageKind: PageKindData;
  moduleKey: WebsiteModuleKey;
  enabled: boolean;
  sortOrder: number;
  settings: ModuleSettings;
};

/** Town / neighbourhood content that backs the database-driven modules. */
export const ZAreaContent = z
  .object({
    atAGlance: z.object({ facts: z.array(z.object({ label: z.string().max(80), value: z.string().max(200) })).max(20) }).optional(),
    taxes: z
      .object({
        millRate: z.number().nonnegative().optional(),
        note: z.string().max(500).optional(),
        isSample: z.boolean().optional(),
      })
      .optional(),
    schools: z
      .object({
        district: z.string().max(120).optional(),
        schools: z.array(z.object({ name: z.string().max(120), grades: z.string().max(40).optional(), note: z.string().max(200).optional() })).max(30),
        isSample: z.boolean().optional(),
      })
      .optional(),
    walkScore: z
      .object({
        walk: z.number().int().min(0).max(100).optional(),
        transit: z.number().int().min(0).max(100).optional(),
        bike: z.number().int().min(0).max(100).optional(),
        isSample: z.boolean().optional(),
      })
      .optional(),
    nearbyPlaces: z
      .object({ places: z.array(z.object({ name: z.string().max(120), kind: z.string().max(60) })).max(30), isSample: z.boolean().optional() })
      .optional(),
  })
  .strict();
export type AreaContent = z.infer<typeof ZAreaContent>;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why a MapLibre style URL cannot be used, or null when it can: an absolute https URL without
 * credentials, spaces or control characters, naming a host (not an address, localhost or
 * *.localhost, which visitors' browsers would look for on their own machine or network); plain
 * http only for a loopback host and only when `allowLoopbackHttp` (outside production), so a
 * local style server works in development.
 */
export function mapStyleUrlProblem(value: string, options: { allowLoopbackHttp: boolean }): string | null {
  if (value.length > 2_000) return "at most 2,000 characters";
  if (hasSpaceOrControl(value)) return "a URL without spaces or control characters";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "an absolute URL such as https://tiles.example.com/style.json";
  }
  if (url.username || url.password) return "a URL without a user name or password";
  // Visitors' browsers load the style: a name on their own machine or an address of their own
  // network would be called from every visitor's browser, so https needs a host name.
  const host = url.hostname.replace(/\.+$/, "");
  const local = LOOPBACK_HOSTS.has(host) || host.endsWith(".localhost") || host.startsWith("[") || /^[\d.]+$/.test(host);
  if (url.protocol === "https:") {
    if (!local || (options.allowLoopbackHttp && LOOPBACK_HOSTS.has(host))) return null;
    return "an https URL with a host name (not an address or localhost)";
  }
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) {
    return options.allowLoopbackHttp ? null : "an https URL (http only for localhost in development)";
  }
  return "an https URL";
}

/** A website's map style URL as entered: trimmed; empty means none (the platform default). */
export function zMapStyleUrl(options: { allowLoopbackHttp: boolean }) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = value === "" ? null : mapStyleUrlProblem(value, options);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((value) => (value === "" ? null : new URL(value).href));
}
