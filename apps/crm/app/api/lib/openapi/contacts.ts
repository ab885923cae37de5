import { contactListQueryShape } from "../query-params";
import { contactIdentityPaths } from "./contact-identities";
import { body, common, contactIdParam, err, ifMatchParam, ok, queryParams, SIGNED_IN_OWNER_403, uuidPathParam } from "./helpers";

/** `/api/contacts`: the list, one contact, its e-mails and phones, merging two and undoing it. */
export function contactPaths() {
  return {
    "/api/contacts/{contactId}": {
      get: { summary: "Get a contact (ETag: its version)", parameters: [contactIdParam], responses: { "200": ok("Contact"), ...common } },
      patch: {
        summary: "Edit a contact (If-Match: only the version you read)",
        parameters: [contactIdParam, ifMatchParam],
        requestBody: body("ContactPatch"),
        responses: {
          "200": ok("Contact"),
          "400": err("Malformed JSON"),
          "409": err("Another contact holds this email or phone"),
          "412": err("Changed since read (returned as `current`)"),
          "422": err("Invalid body"),
          ...common,
        },
      },
    },
    "/api/contacts/{contactId}/merge": {
      post: {
        summary: "Merge another contact into this one (signed-in owners; undo via /api/contact-merges/{auditLogId}/undo)",
        parameters: [contactIdParam, ifMatchParam],
        requestBody: body("ContactMerge"),
        responses: {
          "200": ok("ContactMergeResult", "Merged (ETag: this contact's new version)"),
          "400": err("Malformed JSON"),
          "412": err("This contact changed since read (returned as `current`); nothing merged"),
          "422": err("Same or already merged contact"),
          ...common,
          "403": SIGNED_IN_OWNER_403,
        },
      },
    },
    "/api/contact-merges/{auditLogId}/undo": {
      post: {
        summary: "Separate two merged contacts again (signed-in owners; `auditLogId` from the merge's answer or its timeline entry)",
        parameters: [uuidPathParam("auditLogId")],
        responses: {
          "200": ok("ContactMergeUndone", "Separated"),
          "422": err("Already undone, or one of the contacts was erased"),
          ...common,
          "403": SIGNED_IN_OWNER_403,
        },
      },
    },
    ...contactIdentityPaths(),
    "/api/contacts": {
      get: {
        summary: "List or search contacts",
        parameters: queryParams(contactListQueryShape),
        responses: { "200": ok("ContactList"), "400": err("Bad query"), ...common },
      },
      post: {
        summary: "Create a contact",
        requestBody: body("ContactCreate"),
        responses: {
          "201": ok("Contact", "Created"),
          "400": err("Malformed JSON"),
          "409": err("A contact with this email or phone exists (returned as `existing`)"),
          "422": err("Invalid body"),
          ...common,
        },
      },
    },
  };
}

/** The answers of a merge and of its undo (written by hand: they have no zod contract). */
export function contactMergeSchemas(): Record<string, Record<string, unknown>> {
  const uuid = { type: "string", format: "uuid" };
  const count = { type: "integer", minimum: 0 };
  return {
    ContactMergeResult: {
      type: "object",
      required: ["ok", "survivorId", "absorbedId", "auditLogId", "moved"],
      properties: {
        ok: { type: "boolean", const: true },
        survivorId: uuid,
        absorbedId: uuid,
        auditLogId: { ...uuid, description: "Undo with POST /api/contact-merges/{auditLogId}/undo" },
        moved: {
          type: "object",
          required: ["leads", "activities", "emails", "phones"],
          properties: { leads: count, activities: count, emails: count, phones: count },
        },
      },
    },
    ContactMergeUndone: {
      type: "object",
      required: ["ok", "survivorId", "restoredId", "auditLogId"],
      properties: { ok: { type: "boolean", const: true }, survivorId: uuid, restoredId: uuid, auditLogId: uuid },
    },
  };
}
