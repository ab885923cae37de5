import { makeIdentityPrimary } from "@real-estate/crm";
import { apiRoute } from "../../../../../lib/api-route";
import { identityEditHandler } from "../../../../../lib/identity-answers";

export const dynamic = "force-dynamic";

/**
 * POST /api/contacts/{contactId}/identities/{identityId}/primary — makes this e-mail or phone the
 * primary of its kind (the old primary stays as another); 412 when If-Match names an older version.
 */
export const POST = apiRoute(identityEditHandler(makeIdentityPrimary));
