import { z } from "zod";
import { optionalText, ZClientEventId, ZEmailField, ZPhoneField } from "./fields";

/** POST /api/lead: a contact message or a listing inquiry. */
export const ZLeadSubmission = z
  .object({
    eventId: ZClientEventId,
    name: optionalText(120, "Name"),
    email: ZEmailField,
    phone: ZPhoneField,
    message: optionalText(5_000, "Message"),
    /** Present for an inquiry about a listing. */
    listingKey: optionalText(64, "Listing"),
    consent: z.unknown().optional(),
  })
  .refine((v) => v.email || v.phone, { message: "Please give an email address or a phone number", path: ["email"] });
export type TLeadSubmission = z.infer<typeof ZLeadSubmission>;
