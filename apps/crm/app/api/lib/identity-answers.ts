import { getContactIdentities, isUuid, type ContactIdentitiesRow, type ContactIdentityEditResult, type CrmActor } from "@real-estate/crm";
import type { z } from "zod";
import { authenticateApi } from "./api-auth";
import type { ZContactIdentities } from "./contracts";
import { etagOf, expectedVersionFrom, preconditionFailed } from "./etag";
import { json, jsonError } from "./responses";
import { contactItem } from "./serialize";

export function identitiesItem(row: ContactIdentitiesRow): z.infer<typeof ZContactIdentities> {
  const origin = (r: { isPrimary: boolean; source: string; createdAt: Date; lastSeenAt: Date }) => ({
    isPrimary: r.isPrimary,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
  });
  return {
    contactId: row.contactId,
    version: row.version,
    emails: row.emails.map((e) => ({ id: e.id, email: e.email, ...origin(e) })),
    phones: row.phones.map((p) => ({ id: p.id, phone: p.phone, extension: p.extension, ...origin(p) })),
  };
}

/** The contact's e-mails and phones as they are now, with its version as ETag; 404 when it is gone. */
export async function identitiesResponse(tenantId: string, contactId: string, status = 200): Promise<Response> {
  const row = await getContactIdentities({ tenantId, contactId });
  if (!row) return jsonError(404, "not_found");
  return json(identitiesItem(row), status, { etag: etagOf(row.version) });
}

/**
 * The answer to an identity edit: the contact's e-mails and phones (201 when one was added, 200
 * otherwise); 412 with them as they are now when If-Match named an older version; 409 when
 * another contact holds the value (a merge joins them) or the last e-mail or phone would go.
 */
export async function answerIdentityEdit(
  result: ContactIdentityEditResult,
  options: { tenantId: string; contactId: string; createdStatus?: number },
): Promise<Response> {
  const { tenantId, contactId } = options;
  if (result.ok) return identitiesResponse(tenantId, contactId, result.changed ? (options.createdStatus ?? 200) : 200);
  switch (result.error) {
    case "not_found":
      return jsonError(404, "not_found");
    case "invalid":
      return jsonError(422, "validation_failed", { fields: { value: Object.values(result.fields) } });
    case "version_mismatch": {
      const current = await getContactIdentities({ tenantId, contactId });
      if (!current) return jsonError(404, "not_found");
      return preconditionFailed("contact", identitiesItem(current), current.version);
    }
    case "last_identity":
      return jsonError(409, "last_identity", { message: "a contact keeps at least one e-mail or phone: add another before removing this one" });
    case "duplicate":
      return jsonError(409, "duplicate_contact", { matchedOn: result.matchedOn, existing: contactItem(result.contact) });
  }
}

/** An edit of one of a contact's e-mails or phones, named by its id (remove it, make it primary). */
export type IdentityEdit = (options: {
  tenantId: string;
  contactId: string;
  identityId: string;
  actor: CrmActor;
  expectedVersion?: number;
}) => Promise<ContactIdentityEditResult>;

/**
 * The handler of `/api/contacts/{contactId}/identities/{identityId}[/…]`: authenticates the key,
 * answers 404 for ids that are not UUIDs, passes the If-Match version to `edit` and answers with
 * `answerIdentityEdit`.
 */
export function identityEditHandler(edit: IdentityEdit) {
  return async function handle(request: Request, { params }: { params: Promise<{ contactId: string; identityId: string }> }): Promise<Response> {
    const auth = await authenticateApi(request);
    if (!auth.ok) return auth.response;
    const { contactId, identityId } = await params;
    if (!isUuid(contactId) || !isUuid(identityId)) return jsonError(404, "not_found");
    const result = await edit({
      tenantId: auth.caller.tenantId,
      contactId,
      identityId,
      actor: auth.caller.actor,
      expectedVersion: expectedVersionFrom(request),
    });
    return answerIdentityEdit(result, { tenantId: auth.caller.tenantId, contactId });
  };
}
