import crypto from "node:crypto";
import type { Db, DbTx } from "@real-estate/db";
import type { Branding } from "../branding/load-branding";
import { queueEmails, type QueuedEmail } from "../outbox/queue-emails";
import type { AlertListing } from "../templates/saved-search-alert";

/** One listing an alert tells of (what @real-estate/sites' findSavedSearchChanges reports, in the shape the e-mail needs). */
export type SavedSearchAlertItem = {
  listingKey: string;
  change: "new" | "price" | "status";
  address: string;
  listPrice: number;
  previousPrice: number | null;
  standardStatus: string;
  previousStatus: string | null;
  beds: number | null;
  baths: number | null;
  livingArea: number | null;
  /** The first photo's URL (absolute, or a path on the tenant's website). */
  photo: string | null;
};

/** The most listings one alert e-mail shows; the rest are one click away on the search page. */
export const ALERT_MAX_LISTINGS = 20;

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const num = new Intl.NumberFormat("en-US");

/** The links of a visitor's marketing e-mail: RFC 8058 one-click unsubscribe (POST) and the preferences page. */
export function emailPreferenceLinks(brand: Branding, emailToken: string): { unsubscribeUrl: string; preferencesUrl: string } {
  const t = encodeURIComponent(emailToken);
  return { unsubscribeUrl: `${brand.webUrl}/api/email/unsubscribe?t=${t}`, preferencesUrl: `${brand.webUrl}/email-preferences?t=${t}` };
}

function detailOf(item: SavedSearchAlertItem): string {
  if (item.change === "price" && item.previousPrice !== null) {
    return `${item.listPrice < item.previousPrice ? "Price reduced" : "Price raised"} from ${usd.format(item.previousPrice)}`;
  }
  if (item.change === "status" && item.previousStatus) return `Now ${item.standardStatus} (was ${item.previousStatus})`;
  const facts = [
    item.beds !== null ? `${item.beds} bd` : null,
    item.baths !== null ? `${item.baths} ba` : null,
    item.livingArea !== null ? `${num.format(item.livingArea)} sq ft` : null,
  ].filter(Boolean);
  return facts.join(" · ") || item.standardStatus;
}

/**
 * Writes one saved-search alert e-mail to the outbox (marketing: List-Unsubscribe one-click and
 * the preferences link), in the caller's transaction, which also records the listings as told.
 * The Message-ID is fixed by the search and the exact changes, so a repeat of the same check
 * queues nothing new.
 */
export async function queueSavedSearchAlert(
  db: Db | DbTx,
  options: {
    tenantId: string;
    brand: Branding;
    search: { id: string; name: string; query: Record<string, string> };
    visitor: { id: string; email: string; name: string | null; emailToken: string };
    items: readonly SavedSearchAlertItem[];
    now?: Date;
  },
): Promise<QueuedEmail> {
  const { brand, search, visitor } = options;
  const links = emailPreferenceLinks(brand, visitor.emailToken);
  const shown = options.items.slice(0, ALERT_MAX_LISTINGS);
  const listings: AlertListing[] = shown.map((i) => ({
    address: i.address,
    price: usd.format(i.listPrice),
    change: i.change,
    detail: detailOf(i),
    photoUrl: i.photo ? (i.photo.startsWith("http") ? i.photo : `${brand.webUrl}${i.photo}`) : null,
    url: `${brand.webUrl}/homes/${encodeURIComponent(i.listingKey)}`,
  }));
  const fingerprint = crypto
    .createHash("sha256")
    .update(
      options.items
        .map((i) => `${i.listingKey}\t${i.listPrice}\t${i.standardStatus}`)
        .sort()
        .join("\n"),
    )
    .digest("hex")
    .slice(0, 24);
  const query = new URLSearchParams(Object.entries(search.query).sort(([a], [b]) => a.localeCompare(b))).toString();
  const [queued] = await queueEmails(db, {
    tenantId: options.tenantId,
    brand,
    now: options.now,
    emails: [
      {
        template: "saved-search-alert",
        to: { address: visitor.email, name: visitor.name },
        visitorId: visitor.id,
        dedupeKey: `saved-search-alert:${search.id}:${fingerprint}`,
        unsubscribeUrl: links.unsubscribeUrl,
        props: {
          searchName: search.name,
          searchUrl: `${brand.webUrl}/homes${query ? `?${query}` : ""}`,
          listings,
          more: options.items.length - shown.length,
          unsubscribeUrl: links.unsubscribeUrl,
          preferencesUrl: links.preferencesUrl,
        },
      },
    ],
  });
  return queued!;
}
