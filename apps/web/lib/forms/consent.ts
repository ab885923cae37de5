/** The exact wording of the phone/text consent checkbox, and its version: both are stored with the event. */
export const CONTACT_CONSENT_TEXT =
  "I agree to be contacted by phone or text message about my inquiry, including by automated means. Consent is not a condition of any purchase. Message and data rates may apply; reply STOP to opt out.";
export const CONTACT_CONSENT_VERSION = "2026-11-01";

const YES = new Set(["on", "true", "yes", "1"]);
export function isChecked(value: unknown): boolean {
  return value === true || (typeof value === "string" && YES.has(value.toLowerCase()));
}
