/**
 * Normalises a phone number to E.164. Numbers without a country code are taken as North
 * American (+1) when they have 10 digits (or 11 starting with 1). Returns null when the
 * result cannot be a valid E.164 number.
 */
export function normalizePhoneE164(raw: string | null | undefined, defaultCountryCode = "1"): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (!digits) return null;
  let e164: string;
  if (trimmed.startsWith("+")) e164 = `+${digits}`;
  else if (trimmed.startsWith("00")) e164 = `+${digits.slice(2)}`;
  else if (defaultCountryCode === "1" && digits.length === 10) e164 = `+1${digits}`;
  else if (defaultCountryCode === "1" && digits.length === 11 && digits.startsWith("1")) e164 = `+${digits}`;
  else e164 = `+${defaultCountryCode}${digits}`;
  return /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : null;
}
