import { body, common, err, ok, uuidPathParam } from "./helpers";

/** `/api/profile`: the signed-in member's own profile and photo (sessions only); `/api/members/{id}/photo`: a member's photo. */
export function profilePaths() {
  return {
    "/api/profile": {
      get: {
        summary: "The signed-in member's profile in this brokerage",
        security: [{ session: [] }],
        responses: { "200": ok("Profile"), ...common },
      },
      patch: {
        summary: "Change the display name, phone (read in the brokerage's country, stored E.164) or MLS agent id; null clears a field",
        security: [{ session: [] }],
        requestBody: body("ProfilePatch"),
        responses: { "200": ok("Profile"), "400": err("Malformed JSON"), "422": err("Invalid field (named in `fields`); nothing changed"), ...common },
      },
    },
    "/api/profile/photo": {
      put: {
        summary: "Set the signed-in member's photo: the image file as the body, JPEG, PNG or WebP by its first bytes, at most 2 MiB",
        security: [{ session: [] }],
        requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
        responses: {
          "200": ok("Profile"),
          "413": err("Larger than 2 MiB"),
          "415": err("Not a JPEG, PNG or WebP image"),
          "422": err("A broken or empty image"),
          ...common,
        },
      },
      delete: {
        summary: "Remove the signed-in member's photo",
        security: [{ session: [] }],
        responses: { "200": ok("Profile"), ...common },
      },
    },
    "/api/members/{membershipId}/photo": {
      get: {
        summary: "A member's photo (ETag and cache headers; `?v=` is the version the profile names)",
        parameters: [uuidPathParam("membershipId"), { name: "v", in: "query", required: false, schema: { type: "string" } }],
        responses: {
          "200": { description: "The image", content: { "image/jpeg": {}, "image/png": {}, "image/webp": {} } },
          "304": { description: "Not modified" },
          ...common,
        },
      },
    },
  };
}

const nullableString = { anyOf: [{ type: "string" }, { type: "null" }] };

/** The profile answer (written by hand: it is built in profile-serialize.ts, not parsed). */
export function profileSchemas() {
  return {
    Profile: {
      type: "object",
      properties: {
        membershipId: { type: "string", format: "uuid" },
        name: { type: "string", description: "The display name, else the account's name" },
        displayName: nullableString,
        accountName: { type: "string" },
        email: { type: "string" },
        phone: { ...nullableString, description: "E.164" },
        phoneExtension: nullableString,
        phoneFormatted: nullableString,
        mlsAgentKey: nullableString,
        photoUrl: { ...nullableString, description: "The CRM's own copy, for signed-in members" },
      },
      required: ["membershipId", "name", "displayName", "accountName", "email", "phone", "phoneExtension", "phoneFormatted", "mlsAgentKey", "photoUrl"],
    },
  };
}
