import fc from "fast-check";
import { getExampleNumber, type CountryCode } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhoneE164, parsePhone, phoneHref } from "../src/phone";

const REGIONS = ["US", "CA", "GB", "FR", "DE", "IE", "AU", "MX", "IN", "JP", "BR", "ES", "IT", "NL", "CH"] as const;
const example = (region: string) => getExampleNumber(region as CountryCode, examples)!;
const region = fc.constantFrom(...REGIONS);
const separators = fc.array(fc.constantFrom(" ", "-", ".", ""), { minLength: 0, maxLength: 20 });

/** Puts the generated separators between the digits of a national number, as people type them. */
function sprinkle(digits: string, seps: string[]): string {
  return [...digits]
    .map((d, i) => d + (seps[i] ?? ""))
    .join("")
    .trim();
}

describe("parsePhone", () => {
  it.each([
    ["203-555-8967 x12", "US", "+12035558967", "12"],
    ["(203) 555-8967", "US", "+12035558967", null],
    ["1-203-555-0123", "US", "+12035550123", null],
    ["+1 203 555 0123 ext. 4", "GB", "+12035550123", "4"],
    ["203.555.8967;ext=5", "US", "+12035558967", "5"],
    ["020 7946 0958", "GB", "+442079460958", null],
    ["0044 20 7946 0958", "US", "+442079460958", null],
    ["06 12 34 56 78", "FR", "+33612345678", null],
  ])("%s in %s → %s ext %s", (raw, country, e164, extension) => {
    expect(parsePhone(raw, { defaultCountry: country })).toMatchObject({ ok: true, e164, extension });
  });

  it.each([
    ["911", "US", "too_short"],
    ["12345", "US", "too_short"],
    ["555-1234", "US", "too_short"],
    ["020 7946 0958", "US", "too_long"],
    ["06 12 34 56 78", "US", "invalid"],
    ["abc", "US", "not_a_number"],
    ["+1 555 555 5555", "US", "invalid"],
    ["+0123456789", "US", "invalid_country"],
  ])("refuses %s in %s (%s) rather than guessing another number", (raw, country, problem) => {
    const result = parsePhone(raw, { defaultCountry: country });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.message).toMatch(/\w/);
    }
  });

  it("a national number typed with any separators parses to the same E.164 in its own region", () => {
    fc.assert(
      fc.property(region, separators, (r, seps) => {
        const n = example(r);
        const typed = sprinkle(n.nationalNumber, seps);
        const prefixed = r === "US" || r === "CA" ? typed : `${n.formatNational().startsWith("0") ? "0" : ""}${typed}`;
        const parsed = parsePhone(prefixed, { defaultCountry: r });
        expect(parsed).toMatchObject({ ok: true, e164: n.number });
      }),
    );
  });

  it("an international number parses to the same E.164 whatever the tenant's region, and keeps its extension apart", () => {
    fc.assert(
      fc.property(
        region,
        region,
        fc.option(fc.stringMatching(/^[1-9]\d{0,5}$/), { nil: null }),
        fc.constantFrom(" x", " ext. ", ";ext=", " extension "),
        (r, home, ext, mark) => {
          const n = example(r);
          const typed = `${n.formatInternational()}${ext ? `${mark}${ext}` : ""}`;
          expect(parsePhone(typed, { defaultCountry: home })).toMatchObject({ ok: true, e164: n.number, extension: ext });
        },
      ),
    );
  });

  it("never throws, and whatever it accepts is E.164 that parses back to itself", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 45 }), region, (raw, r) => {
        const parsed = parsePhone(raw, { defaultCountry: r });
        if (!parsed.ok) return;
        expect(parsed.e164).toMatch(/^\+[1-9]\d{6,14}$/);
        expect(parsePhone(parsed.e164, { defaultCountry: "US" })).toMatchObject({ ok: true, e164: parsed.e164 });
      }),
      { numRuns: 2000 },
    );
  });

  it("short digit strings are never turned into a number", () => {
    // Nowhere is a number three digits long. Where every number has a fixed length (North America,
    // the UK, France) five digits are not one either; elsewhere (Germany, the Netherlands,
    // Australia) short local numbers exist, and the library's numbering plan decides.
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,3}$/), region, (digits, r) => {
        expect(parsePhone(digits, { defaultCountry: r }).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,5}$/), fc.constantFrom("US", "CA", "GB", "FR"), (digits, r) => {
        expect(parsePhone(digits, { defaultCountry: r }).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses input longer than a phone number can be written", () => {
    expect(parsePhone(`+1 203 555 0123${" ".repeat(40)}x1`)).toMatchObject({ ok: false, problem: "too_long_input" });
  });
});

describe("formatPhone", () => {
  it("shows a home-country number in national format and a foreign one in international format, with the extension", () => {
    expect(formatPhone("+12035558967", { homeCountry: "US", extension: "12" })).toBe("(203) 555-8967 ext. 12");
    expect(formatPhone("+442079460958", { homeCountry: "US" })).toBe("+44 20 7946 0958");
    expect(formatPhone("+442079460958", { homeCountry: "GB" })).toBe("020 7946 0958");
    expect(formatPhone("not-a-number")).toBe("not-a-number");
    expect(phoneHref("+12035558967", "12")).toBe("tel:+12035558967;ext=12");
  });

  it("what is shown parses back to the stored number and extension in the tenant's region", () => {
    fc.assert(
      fc.property(region, region, fc.option(fc.stringMatching(/^[1-9]\d{0,4}$/), { nil: null }), (r, home, ext) => {
        const n = example(r);
        const shown = formatPhone(n.number, { homeCountry: home, extension: ext });
        expect(parsePhone(shown, { defaultCountry: home })).toMatchObject({ ok: true, e164: n.number, extension: ext });
      }),
    );
  });
});

describe("normalizePhoneE164", () => {
  it("is the E.164 of parsePhone, or null", () => {
    expect(normalizePhoneE164("(203) 555-0123")).toBe("+12035550123");
    expect(normalizePhoneE164("020 7946 0958", "GB")).toBe("+442079460958");
    expect(normalizePhoneE164("")).toBeNull();
    expect(normalizePhoneE164("12")).toBeNull();
  });
});
