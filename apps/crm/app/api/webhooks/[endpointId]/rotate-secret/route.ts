import { z } from "zod";
import { rotateWebhookSecret } from "@real-estate/integrations";
import { authenticateOwnerApi } from "../../../lib/owner-api";
import { json, jsonError, readJsonBody } from "../../../lib/responses";
import { webhookEndpointJson } from "../../../lib/webhook-serialize";
import { apiRoutes } from "../../../lib/api-route";

export const dynamic = "force-dynamic";

const ZRotate = z.object({ overlapHours: z.number().min(0).max(168).optional() }).strict();

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  /**
   * POST /api/webhooks/{endpointId}/rotate-secret — a new secret (shown this once); the previous
   * one keeps signing for `overlapHours` (default 24), so receivers switch without a gap. A body is
   * optional.
   */
  async POST(request: Request, { params }: Params) {
    const auth = await authenticateOwnerApi(request);
    if (!auth.ok) return auth.response;
    let overlapHours: number | undefined;
    if (request.headers.get("content-length") !== "0" && request.body) {
      const body = await readJsonBody(request, ZRotate);
      if (!body.ok) return body.response;
      overlapHours = body.value.overlapHours;
    }
    const rotated = await rotateWebhookSecret({
      tenantId: auth.caller.tenantId,
      endpointId: (await params).endpointId,
      actorUserId: auth.caller.actor.userId,
      overlapMs: overlapHours === undefined ? undefined : overlapHours * 3_600_000,
    });
    if (!rotated) return jsonError(404, "not_found");
    return json({ ...webhookEndpointJson(rotated.endpoint), secret: rotated.secret });
  },
});

type Params = { params: Promise<{ endpointId: string }> };
