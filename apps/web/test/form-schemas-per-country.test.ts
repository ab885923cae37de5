import { describe, expect, it } from "vitest";
import { flattenContact } from "@/lib/forms/fields";
import { leadSubmissionSchema } from "@/lib/forms/lead-schema";
import { perCountry } from "@/lib/forms/per-country";
import { valuationSubmissionSchema } from "@/lib/forms/valuation-schema";
import { signUpSchema } from "@/lib/visitors/auth-schemas";
import { profileUpdateSchema } from "@/lib/visitors/user-schemas";

describe("form schemas per country", () => {
  it("are made once per country, not per request", () => {
    for (const schema of [leadSubmissionSchema, valuationSubmissionSchema, signUpSchema, profileUpdateSchema]) {
      expect(schema("GB")).toBe(schema("GB"));
      expect(schema("US")).toBe(schema("US"));
      expect(schema("GB")).not.toBe(schema("US"));
    }
  });

  it("still read a phone in each tenant's own country, whichever was asked for first", () => {
    const body = { name: "Ann Lee", phone: "020 7946 0958", message: "Hello" };
    const gb = leadSubmissionSchema("GB").safeParse(flattenContact(body));
    const us = leadSubmissionSchema("US").safeParse(flattenContact(body));
    expect(gb.success && gb.data.phone).toEqual({ e164: "+442079460958", extension: null });
    expect(us.success).toBe(false);
    // Asked again in the other order: the same answers.
    expect(leadSubmissionSchema("US").safeParse(flattenContact(body)).success).toBe(false);
    expect(leadSubmissionSchema("GB").safeParse(flattenContact(body)).success).toBe(true);
  });

  it("keep at most `limit` countries, dropping the one made longest ago", () => {
    const made: string[] = [];
    const of = perCountry((country) => {
      made.push(country);
      return { country };
    }, 2);
    const gb = of("GB");
    of("US");
    expect(of("GB")).toBe(gb);
    of("FR"); // GB, made first, is dropped
    expect(of("US")).toEqual({ country: "US" });
    expect(of("GB")).not.toBe(gb);
    expect(made).toEqual(["GB", "US", "FR", "GB"]);
  });
});
