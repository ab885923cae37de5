import { getCountries, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from "libphonenumber-js/max";

// Phone numbers are parsed by libphonenumber-js with its full ("max") metadata, so a number is
// accepted only when it is a real number of its country (length and number ranges), not merely
// a string of digits. A number written without a country code is read in the tenant's country.

/** The region used when a tenant has none configured. */
export const DEFAULT_PHONE_COUNTRY = "US";

/** The longest phone input accepted (a formatted international number with an extension fits). */
export const MAX_PHONE_INPUT_LENGTH = 40;

const COUNTRIES = new Set<string>(getCountries());

/** True for an ISO 3166-1 alpha-2 region the phone library knows (upper-case, e.g. "US", "GB"). */
export function isPhoneCountry(code: string): code is CountryCode {
  return COUNTRIES.has(code);
}

export type PhoneProblem = "not_a_number" | "too_short" | "too_long" | "invalid_country" | "invalid" | "too_long_input";

/** A number as stored: E.164 (the matching key) and its extension kept apart. */
export type ParsedPhone = {
  /** E.164, e.g. "+12035558967". */
  e164: string;
  /** Digits of the extension ("12" for "x12"), or null. */
  extension: string | null;
  /** The number's region ("US", "GB"), or null for non-geographic numbers. */
  country: string | null;
};

export type PhoneParseResult = ({ ok: true } & ParsedPhone) | { ok: false; problem: PhoneProblem; message: string };

const MESSAGES: Record<PhoneProblem, string> = {
  not_a_number: "That is not a phone number.",
  too_short: "That phone number is too short.",
  too_long: "That phone number is too long.",
  invalid_country: "Add the country code (+ and the code) to a number from another country.",
  invalid: "That is not a valid phone number.",
  too_long_input: `A phone number has at most ${MAX_PHONE_INPUT_LENGTH} characters.`,
};

function failure(problem: PhoneProblem): PhoneParseResult {
  return { ok: false, problem, message: MESSAGES[problem] };
}

/**
 * Parses what a person typed as a phone number. A number without "+" (or "00"/"011" and a country
 * code) is read as a national number of `defaultCountry` (the tenant's country). The extension
 * ("x12", "ext. 12", ";ext=12") is returned apart from the number. Anything that cannot be a real
 * number of its country is refused with a reason, never turned into some other number.
 */
export function parsePhone(raw: string, options: { defaultCountry?: string } = {}): PhoneParseResult {
  const text = raw.trim();
  if (!text) return failure("not_a_number");
  if (text.length > MAX_PHONE_INPUT_LENGTH) return failure("too_long_input");
  const region = options.defaultCountry && isPhoneCountry(options.defaultCountry) ? options.defaultCountry : DEFAULT_PHONE_COUNTRY;
  // libphonenumber reads "00" and "011" international prefixes only for some regions; "00" is the
  // common one that people paste from abroad, so it is read as "+" everywhere.
  const input = /^00[1-9]/.test(text) ? `+${text.slice(2)}` : text;
  const phone = parsePhoneNumberFromString(input, { defaultCountry: region as CountryCode });
  if (!phone) {
    const length = validatePhoneNumberLength(input, region as CountryCode);
    return failure(
      length === "TOO_SHORT" ? "too_short" : length === "TOO_LONG" ? "too_long" : length === "INVALID_COUNTRY" ? "invalid_country" : "not_a_number",
    );
  }
  if (!phone.isValid()) {
    const length = validatePhoneNumberLength(input, region as CountryCode);
    if (length === "TOO_SHORT") return failure("too_short");
    if (length === "TOO_LONG") return failure("too_long");
    return failure("invalid");
  }
  const extension = phone.ext ? String(phone.ext) : null;
  return { ok: true, e164: phone.number, extension, country: phone.country ?? null };
}

/** E.164 of a valid number, or null; the extension is dropped (use parsePhone to keep it). */
export function normalizePhoneE164(raw: string | null | undefined, defaultCountry: string = DEFAULT_PHONE_COUNTRY): string | null {
  if (!raw) return null;
  const parsed = parsePhone(raw, { defaultCountry });
  return parsed.ok ? parsed.e164 : null;
}

/**
 * A stored number as a person reads it: national format for a number of `homeCountry` (the
 * tenant's), international format otherwise, then " ext. N". A value that does not parse (legacy
 * data) is shown as stored.
 */
export function formatPhone(e164: string | null | undefined, options: { extension?: string | null; homeCountry?: string } = {}): string {
  if (!e164) return "";
  const phone = parsePhoneNumberFromString(e164);
  const ext = options.extension ? ` ext. ${options.extension}` : "";
  if (!phone) return `${e164}${ext}`;
  const home = options.homeCountry ?? DEFAULT_PHONE_COUNTRY;
  const text = phone.country === home ? phone.formatNational() : phone.formatInternational();
  return `${text}${ext}`;
}

/** A `tel:` link target for a stored number (RFC 3966: the extension as ";ext="). */
export function phoneHref(e164: string, extension?: string | null): string {
  return `tel:${e164}${extension ? `;ext=${extension}` : ""}`;
}
