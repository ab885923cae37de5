/** Keys whose values are personal data in website event payloads (contact, property, source). */
const PERSONAL_KEYS = new Set(["email", "phone", "firstname", "lastname", "name", "address", "street", "message", "ip", "useragent", "postalcode"]);

const DOT = "•";

function maskEmail(value: string): string {
  const [local = "", domain = ""] = value.split("@");
  const tld = domain.includes(".") ? domain.slice(domain.lastIndexOf(".")) : "";
  return `${local.slice(0, 1)}${DOT.repeat(Math.max(local.length - 1, 2))}@${DOT.repeat(4)}${tld}`;
}

function maskString(key: string, value: string): string {
  if (key === "email" && value.includes("@")) return maskEmail(value);
  if (key === "phone") return `${DOT.repeat(Math.max(value.replace(/\D/g, "").length - 2, 3))}${value.replace(/\D/g, "").slice(-2)}`;
  if (key === "message") return `[masked text, ${value.length} characters]`;
  return `${value.slice(0, 1)}${DOT.repeat(Math.min(Math.max(value.length - 1, 2), 12))}`;
}

/**
 * A copy of an event payload with personal data masked (emails, phones, names, addresses,
 * free-text messages, IP and user agent), keeping its shape so an operator can still see what
 * kind of event it is and which fields were present.
 */
export function maskPersonalData(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskPersonalData(v, k.toLowerCase())]));
  }
  if (typeof value === "string" && PERSONAL_KEYS.has(key)) return maskString(key, value);
  return value;
}
