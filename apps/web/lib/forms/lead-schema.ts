import { z } from "zod";
import { DEFAULT_PHONE_COUNTRY } from "@real-estate/types";
import { optionalText, phoneField, ZClientEventId, ZEmailField } from "./fields";
import { perCountry } from "./per-country";

/** POST /api/lead: a contact message or a listing inquiry; phones are read in `country` (the tenant's). */
export const leadSubmissionSchema = perCountry((country: string) =>
  z
    .object({
      eventId: ZClientEventId,
      name: optionalText(120, "Name"),
      email: ZEmailField,
      phone: phoneField(country),
      message: optionalText(5_000, "Message"),
      /** Present for an inquiry about a listing. */
      listingKey: optionalText(64, "Listing"),
      consent: z.unknown().optional(),
    })
    .refine((v) => v.email || v.phone, { message: "Please give an email address or a phone number", path: ["email"] }),
);
export const ZLeadSubmission = leadSubmissionSchema(DEFAULT_PHONE_COUNTRY);
export type LeadSubmission = z.infer<typeof ZLeadSubmission>;
