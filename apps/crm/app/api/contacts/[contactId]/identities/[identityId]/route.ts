import { removeContactIdentity } from "@real-estate/crm";
import { apiRoutes } from "../../../../lib/api-route";
import { identityEditHandler } from "../../../../lib/identity-answers";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * DELETE /api/contacts/{contactId}/identities/{identityId} — removes one of the contact's e-mails
   * or phones; removing the primary makes the oldest other one primary. The last one cannot go
   * (409 last_identity); 412 when If-Match names an older version.
   */
  DELETE: identityEditHandler(removeContactIdentity),
});
