import { z } from "zod";
import { getDb } from "@real-estate/db";
import { removeMarketingUnsubscribe, suppressEmailAddress } from "@real-estate/mail/suppressions";
import { setVisitorEmailAlerts, type EmailPreferencesVisitor } from "@real-estate/sites";

/** The token of a marketing e-mail's links (`t`): base64url, as ensureVisitorEmailToken makes them. */
export const ZEmailToken = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, "not a valid link");

/**
 * Turns the visitor's saved-search alerts off (an unsubscribe) or on. Off also suppresses
 * marketing mail to the address, so alerts already queued are not delivered either; on lifts the
 * address's own unsubscribe (never a bounce).
 */
export async function setAlertsConsent(options: { tenantId: string; visitor: EmailPreferencesVisitor; emailAlerts: boolean }): Promise<void> {
  const db = getDb();
  const { tenantId, visitor } = options;
  await db.$transaction(async (tx) => {
    await setVisitorEmailAlerts(tx, { tenantId, visitorId: visitor.id, emailAlerts: options.emailAlerts });
    if (options.emailAlerts) await removeMarketingUnsubscribe(tx, { tenantId, address: visitor.email });
    else await suppressEmailAddress(tx, { tenantId, address: visitor.email, scope: "marketing", reason: "unsubscribe" });
  });
}
