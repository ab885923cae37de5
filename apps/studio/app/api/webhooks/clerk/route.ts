import { authProviderName, handleClerkWebhook } from "@real-estate/auth";
import { errorResponse, jsonError, jsonResponse, readBytes } from "@real-estate/http";

export const dynamic = "force-dynamic";

/** Clerk's user and membership events are small; anything bigger is not one of them. */
const MAX_BYTES = 256 * 1024;

/**
 * POST /api/webhooks/clerk — Clerk's webhook endpoint (Svix-signed user and organization
 * membership events, see handleClerkWebhook). Not an operator route: the signature is the
 * credential. 404 unless AUTH_PROVIDER=clerk.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    if (authProviderName() !== "clerk") return jsonError(404, "not_found");
    const body = Buffer.from(await readBytes(request, MAX_BYTES));
    const result = await handleClerkWebhook({ body, headers: request.headers });
    return jsonResponse(result.body, { status: result.status });
  } catch (error) {
    return errorResponse(error, "clerk webhook");
  }
}
