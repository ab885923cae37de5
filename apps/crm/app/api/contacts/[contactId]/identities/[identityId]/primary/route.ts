import { makeIdentityPrimary } from "@real-estate/crm";
import { apiRoutes } from "../../../../../lib/api-route";
import { identityEditHandler } from "../../../../../lib/identity-answers";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * POST /api/contacts/{contactId}/identities/{identityId}/primary — makes this e-mail or phone the
   * primary of its kind (the old primary stays as another); 412 when If-Match names an older version.
   */
  POST: identityEditHandler(makeIdentityPrimary),
});
