import Link from "next/link";
import { notFound } from "next/navigation";
import { getWebhookEndpoint, listWebhookDeliveries } from "@real-estate/integrations";
import { webhookEventInWords } from "@real-estate/types";
import { requirePageAccess } from "@/lib/page-access";
import { RotateSecretForm } from "@/components/webhook-forms";
import { resendWebhookAction } from "@/app/actions/webhook-actions";
import { When } from "@/components/when";

export const metadata = { title: "Webhook deliveries" };

const STATUS_BADGE = { DELIVERED: "s-UNDER_CONTRACT", PENDING: "s-NEW", FAILED: "s-LOST" } as const;

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ endpointId: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { endpointId } = await params;
  const { tenant } = await requirePageAccess({ role: "OWNER", returnTo: `/webhooks/${endpointId}` });
  const endpoint = await getWebhookEndpoint({ tenantId: tenant.tenantId, endpointId });
  if (!endpoint) notFound();
  const { cursor } = await searchParams;
  const page = await listWebhookDeliveries({ tenantId: tenant.tenantId, endpointId, cursor: cursor ?? null, limit: 50 });
  if (!page) notFound();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{endpoint.url}</h1>
          <div className="sub">
            <Link href="/webhooks">Webhooks</Link> · {endpoint.events.map(webhookEventInWords).join(", ")}
            {endpoint.disabledAt && (
              <>
                {" "}
                · <strong>disabled</strong>
                {endpoint.disabledReason === "failing" && " after a day of failed deliveries"}
              </>
            )}
          </div>
        </div>
      </div>
      <section className="panel">
        <div className="row">
          <RotateSecretForm endpointId={endpoint.id} />
          <form action={resendWebhookAction}>
            <input type="hidden" name="endpointId" value={endpoint.id} />
            <button className="btn btn-sm" type="submit">
              Re-drive failed deliveries
            </button>
          </form>
        </div>
        {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date() && (
          <p className="faint">
            The previous secret also signs until <When date={endpoint.previousSecretExpiresAt} />.
          </p>
        )}
      </section>
      <section className="panel">
        <h2>Deliveries</h2>
        {page.deliveries.length ? (
          <table className="data" data-testid="webhook-deliveries">
            <thead>
              <tr>
                <th>Event</th>
                <th>Created</th>
                <th>Status</th>
                <th>Attempts</th>
                <th>Response</th>
                <th>Latency</th>
                <th>Answer</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {page.deliveries.map((d) => (
                <tr key={d.id}>
                  <td title={`webhook-id ${d.id}`}>
                    {webhookEventInWords(d.eventType)} <span className="mono faint">{d.eventType}</span>
                  </td>
                  <td className="muted">
                    <When date={d.createdAt} />
                  </td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[d.status]}`}>{d.status.toLowerCase()}</span>
                  </td>
                  <td>{d.attempts}</td>
                  <td>{d.responseStatus ?? "—"}</td>
                  <td>{d.latencyMs !== null ? `${d.latencyMs} ms` : "—"}</td>
                  <td className="mono" style={{ maxWidth: 280, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
                    {d.lastError ?? d.responseExcerpt ?? ""}
                  </td>
                  <td>
                    <form action={resendWebhookAction}>
                      <input type="hidden" name="endpointId" value={endpoint.id} />
                      <input type="hidden" name="deliveryId" value={d.id} />
                      <button className="btn btn-sm" type="submit">
                        Re-send
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No deliveries yet.</p>
        )}
        {page.nextCursor && (
          <p>
            <Link href={`/webhooks/${endpoint.id}?cursor=${page.nextCursor}`}>Older deliveries</Link>
          </p>
        )}
      </section>
    </>
  );
}
