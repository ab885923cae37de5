import { cache } from "react";
import { getSiteProfile } from "@real-estate/sites";

/**
 * The tenant's public website origin for links from the CRM (a listing's page, a saved search):
 * its primary web host, with PUBLIC_URL_SCHEME and PUBLIC_WEB_PORT as the e-mails use them
 * (defaults http and 3000, as `npm start` serves it; 0 or empty: no port, behind a proxy).
 */
export const publicSiteOrigin = cache(async (tenantId: string, slug: string): Promise<string> => {
  const profile = await getSiteProfile({ tenantId });
  const scheme = process.env.PUBLIC_URL_SCHEME === "https" ? "https" : "http";
  const port = Number(process.env.PUBLIC_WEB_PORT || 3000);
  const standard = !port || (scheme === "http" && port === 80) || (scheme === "https" && port === 443);
  return `${scheme}://${profile?.primaryHostname ?? `${slug}.localhost`}${standard ? "" : `:${port}`}`;
});
