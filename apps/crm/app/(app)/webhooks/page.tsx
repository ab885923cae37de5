import Link from "next/link";
import { listWebhookEndpoints, WEBHOOK_EVENT_TYPES } from "@real-estate/integrations";
import { webhookEventInWords } from "@real-estate/types";
import { requirePageAccess } from "@/lib/page-access";
import { WebhookEndpointForm } from "@/components/webhook-forms";
import { deleteWebhookAction, setWebhookEnabledAction } from "@/app/actions/webhook-actions";
import { When } from "@/components/when";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { tenant } = await requirePageAccess({ role: "OWNER", returnTo: "/webhooks" });
  const endpoints = await listWebhookEndpoints({ tenantId: tenant.tenantId });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Webhooks</h1>
          <div className="sub">
            Your other systems hear about changes here as signed HTTP POSTs (<a href="https://www.standardwebhooks.com/">Standard Webhooks</a>: verify{" "}
            <code>webhook-signature</code> with the endpoint&apos;s secret). Failed deliveries are retried for about a day.
          </div>
        </div>
      </div>
      <section className="panel">
        <h2>Add an endpoint</h2>
        <WebhookEndpointForm eventTypes={WEBHOOK_EVENT_TYPES} />
      </section>
      <section className="panel">
        <h2>Endpoints</h2>
        {endpoints.length ? (
          <table className="data" data-testid="webhooks-table">
            <thead>
              <tr>
                <th>URL</th>
                <th>Events</th>
                <th>Added</th>
                <th>Status</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.id}>
                  <td className="name">
                    <Link href={`/webhooks/${e.id}`}>{e.url}</Link>
                    {e.description && <div className="muted">{e.description}</div>}
                  </td>
                  <td>{e.events.map(webhookEventInWords).join(", ")}</td>
                  <td className="muted">
                    <When date={e.createdAt} />
                  </td>
                  <td>
                    {e.disabledAt ? (
                      <span className="badge s-LOST">{e.disabledReason === "failing" ? "Disabled: failing for a day" : "Disabled"}</span>
                    ) : e.failingSince ? (
                      <span className="badge s-NEW">Failing</span>
                    ) : (
                      <span className="badge s-UNDER_CONTRACT">Active</span>
                    )}
                  </td>
                  <td>
                    <div className="row">
                      <form action={setWebhookEnabledAction}>
                        <input type="hidden" name="endpointId" value={e.id} />
                        <input type="hidden" name="enabled" value={e.disabledAt ? "true" : "false"} />
                        <button className="btn btn-sm" type="submit">
                          {e.disabledAt ? "Enable" : "Disable"}
                        </button>
                      </form>
                      <form action={deleteWebhookAction}>
                        <input type="hidden" name="endpointId" value={e.id} />
                        <button className="btn btn-sm btn-danger" type="submit">
                          Delete
                        </button>
                      </form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No endpoints yet.</p>
        )}
      </section>
    </>
  );
}
