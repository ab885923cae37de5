import { z } from "zod";
import { optionalText, phoneField } from "../forms/fields";
import { perCountry } from "../forms/per-country";

/** Only same-site paths: "/account", never "//evil.example" or "https://…". */
export const ZNextPath = z.preprocess(
  (v) => (typeof v === "string" && /^\/(?!\/)[\x21-\x7e]{0,500}$/.test(v) && !v.includes("\\") ? v : undefined),
  z.string().optional(),
);

const ZEmail = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .email("Please enter a valid email address")
    .max(254, "That email address is too long")
    .transform((v) => v.toLowerCase()),
);

/** Registration; the phone is read in `country` (the tenant's). */
export const signUpSchema = perCountry((country: string) =>
  z.object({
    email: ZEmail,
    password: z
      .string("Please choose a password")
      .min(8, "Use at least 8 characters")
      .max(200, "Use at most 200 characters")
      .refine((v) => !v.includes("\u0000"), "The password contains characters we cannot accept"),
    name: optionalText(120, "Name"),
    phone: phoneField(country),
    next: ZNextPath,
  }),
);

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string("Please enter your password").min(1, "Please enter your password").max(200, "That password is too long"),
  next: ZNextPath,
});
