import { removeContactIdentity } from "@real-estate/crm";
import { apiRoute } from "../../../../lib/api-route";
import { identityEditHandler } from "../../../../lib/identity-answers";

export const dynamic = "force-dynamic";

/**
 * DELETE /api/contacts/{contactId}/identities/{identityId} — removes one of the contact's e-mails
 * or phones; removing the primary makes the oldest other one primary. The last one cannot go
 * (409 last_identity); 412 when If-Match names an older version.
 */
export const DELETE = apiRoute(identityEditHandler(removeContactIdentity));
