import { z } from "zod";
import { DEFAULT_PHONE_COUNTRY } from "@real-estate/types";
import { isStorableText, optionalInt, optionalNumber, optionalText, phoneField, ZClientEventId, ZEmailField } from "./fields";
import { perCountry } from "./per-country";

/** POST /api/valuation: "what's my home worth"; phones are read in `country` (the tenant's). */
export const valuationSubmissionSchema = perCountry((country: string) =>
  z
    .object({
      eventId: ZClientEventId,
      name: optionalText(120, "Name"),
      email: ZEmailField,
      phone: phoneField(country),
      address: z.preprocess(
        (v) => (typeof v === "string" ? v.trim() : v),
        z
          .string("Please enter the property's address")
          .min(5, "Please enter the property's full address")
          .max(300, "That address is too long")
          .refine(isStorableText, "The address contains characters we cannot accept"),
      ),
      /** Town slug on the tenant's site. */
      town: optionalText(120, "Town"),
      postalCode: optionalText(12, "ZIP code"),
      propertyType: optionalText(60, "Property type"),
      bedrooms: optionalInt(0, 50, "Bedrooms"),
      bathrooms: optionalNumber(0, 50, "Bathrooms"),
      livingArea: optionalInt(100, 100_000, "Living area"),
      yearBuilt: optionalInt(1600, 2100, "Year built").refine((y) => y === undefined || y <= new Date().getUTCFullYear(), "Year built cannot be in the future"),
      consent: z.unknown().optional(),
    })
    .refine((v) => v.email || v.phone, { message: "Please give an email address or a phone number", path: ["email"] }),
);
export const ZValuationSubmission = valuationSubmissionSchema(DEFAULT_PHONE_COUNTRY);
export type ValuationSubmission = z.infer<typeof ZValuationSubmission>;
