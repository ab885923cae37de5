import type { ContactConsent, EventSourceData } from "@real-estate/types";
import { CONTACT_CONSENT_TEXT, CONTACT_CONSENT_VERSION, isChecked } from "./consent";

/** The consent given with a submission (exact wording and version), or nothing when the box was not ticked. */
export function consentRecord(value: unknown, source: EventSourceData, occurredAt: string): ContactConsent | undefined {
  if (!isChecked(value)) return undefined;
  return {
    given: true,
    text: CONTACT_CONSENT_TEXT,
    version: CONTACT_CONSENT_VERSION,
    at: occurredAt,
    ...(source.ip ? { ip: source.ip } : {}),
    ...(source.pageUrl ? { pageUrl: source.pageUrl } : {}),
  };
}
