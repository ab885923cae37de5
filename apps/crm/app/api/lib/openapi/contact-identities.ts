import { body, common, contactIdParam, err, ifMatchParam, ok, uuidPathParam } from "./helpers";

/** `/api/contacts/{contactId}/identities`: a contact's e-mails and phones (list, add, remove, make primary). */
export function contactIdentityPaths() {
  const identityIdParam = uuidPathParam("identityId");
  const stale = err("Changed since read (its e-mails and phones now returned as `current`); nothing changed");
  return {
    "/api/contacts/{contactId}/identities": {
      get: {
        summary: "A contact's e-mails and phones, primary first, with source and times (ETag: the contact's version)",
        parameters: [contactIdParam],
        responses: { "200": ok("ContactIdentities"), ...common },
      },
      post: {
        summary: "Add an e-mail or phone to a contact (primary only when it has none of that kind)",
        parameters: [contactIdParam, ifMatchParam],
        requestBody: body("ContactIdentityAdd"),
        responses: {
          "201": ok("ContactIdentities", "Added"),
          "200": ok("ContactIdentities", "The contact already had it; nothing changed"),
          "400": err("Malformed JSON"),
          "409": err("Another contact holds it (returned as `existing`): merge the two instead"),
          "412": stale,
          "422": err("Not an e-mail address or phone number"),
          ...common,
        },
      },
    },
    "/api/contacts/{contactId}/identities/{identityId}": {
      delete: {
        summary: "Remove one of a contact's e-mails or phones (the oldest other becomes primary)",
        parameters: [contactIdParam, identityIdParam, ifMatchParam],
        responses: { "200": ok("ContactIdentities"), "409": err("The contact's last e-mail or phone (`last_identity`)"), "412": stale, ...common },
      },
    },
    "/api/contacts/{contactId}/identities/{identityId}/primary": {
      post: {
        summary: "Make one of a contact's e-mails or phones the primary of its kind",
        parameters: [contactIdParam, identityIdParam, ifMatchParam],
        responses: { "200": ok("ContactIdentities"), "412": stale, ...common },
      },
    },
  };
}
