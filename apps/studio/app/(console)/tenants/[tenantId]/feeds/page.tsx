import { listTenantFeeds } from "@real-estate/operator";
import type { Metadata } from "next";
import { FeedActions } from "@/components/feeds/feed-actions";
import { FeedForm, type FeedFormValues } from "@/components/feeds/feed-form";
import { formatDateTime, formatNumber } from "@/lib/format";
import { loadTenant } from "@/lib/load-tenant";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "MLS feeds" };

const STATUS_BADGE: Record<string, string> = { active: "ok", failing: "bad", paused: "warn" };

export default async function FeedsPage({ params }: { params: Promise<{ tenantId: string }> }) {
  await requireOperatorPage();
  const tenant = await loadTenant((await params).tenantId);
  const feeds = await listTenantFeeds({ tenantId: tenant.id });
  return (
    <div className="stack">
      {feeds.length === 0 ? (
        <p className="muted">No MLS feed yet: the website shows the listings entered here. Add the MLS&apos;s RESO Web API settings below.</p>
      ) : null}
      {feeds.map((f) => {
        const total = f.listings.countsByStatus.reduce((n, c) => n + c.count, 0);
        const values: FeedFormValues = {
          name: f.name,
          baseUrl: f.baseUrl,
          authKind: f.authKind === "bearer" ? "bearer" : "client_credentials",
          tokenUrl: f.tokenUrl ?? "",
          clientId: f.clientId ?? "",
          filter: f.filter ?? "",
          disclaimer: f.disclaimer ?? "",
          pageSize: f.pageSize,
          syncIntervalSeconds: f.syncIntervalSeconds,
          resources: f.resources,
          keyPageSize: f.keyPageSize,
          reconcileIntervalSeconds: f.reconcileIntervalSeconds,
          secretHint: f.secretHint,
        };
        return (
          <section className="panel" key={f.id} data-testid="feed" aria-labelledby={`feed-${f.id}`}>
            <div className="panel-head">
              <div>
                <h2 id={`feed-${f.id}`}>
                  {f.name}{" "}
                  <span className={`badge ${STATUS_BADGE[f.status] ?? ""}`} data-testid="feed-status">
                    {f.status}
                  </span>
                </h2>
                <p className="mono">{f.baseUrl}</p>
              </div>
              <FeedActions tenantId={tenant.id} feedId={f.id} />
            </div>
            <div className="panel-body">
              <dl className="facts" data-testid="feed-facts">
                <div>
                  <dt>Last success</dt>
                  <dd>{formatDateTime(f.lastSuccessAt)}</dd>
                </div>
                <div>
                  <dt>Next run</dt>
                  <dd>{f.status === "paused" ? "paused until an operator asks for a run" : formatDateTime(f.nextRunAt)}</dd>
                </div>
                <div>
                  <dt>Last full reconcile</dt>
                  <dd>{formatDateTime(f.lastReconcileAt)}</dd>
                </div>
                <div>
                  <dt>Failures in a row</dt>
                  <dd>{f.consecutiveFailures}</dd>
                </div>
                <div>
                  <dt>Listings</dt>
                  <dd data-testid="feed-total">
                    {formatNumber(total)}
                    {f.listings.hiddenFromInternet ? ` (${formatNumber(f.listings.hiddenFromInternet)} not for internet display)` : ""}
                  </dd>
                </div>
                <div>
                  <dt>By status</dt>
                  <dd data-testid="feed-counts">{f.listings.countsByStatus.map((c) => `${c.status} ${formatNumber(c.count)}`).join(" · ") || "—"}</dd>
                </div>
              </dl>
              {f.lastError ? (
                <div className="banner bad" role="note" data-testid="feed-error">
                  <span aria-hidden>!</span>
                  <div>
                    <strong>Last error ({formatDateTime(f.lastErrorAt)})</strong> {f.lastError}
                  </div>
                </div>
              ) : null}
              <h3>Recent runs</h3>
              <table className="data" data-testid="feed-runs">
                <thead>
                  <tr>
                    <th>Started</th>
                    <th>Kind</th>
                    <th>Status</th>
                    <th className="right">Pages</th>
                    <th className="right">Written</th>
                    <th className="right">Removed</th>
                    <th>Error</th>
                  </tr>
                </thead>
                <tbody>
                  {f.listings.runs.length === 0 ? (
                    <tr>
                      <td className="empty" colSpan={7}>
                        No run yet.
                      </td>
                    </tr>
                  ) : null}
                  {f.listings.runs.map((r) => (
                    <tr key={r.id}>
                      <td className="nowrap">{formatDateTime(r.startedAt)}</td>
                      <td>{r.kind}</td>
                      <td>{r.status}</td>
                      <td className="right">{formatNumber(r.pages)}</td>
                      <td className="right">{formatNumber(r.upserted)}</td>
                      <td className="right">{formatNumber(r.removed)}</td>
                      <td className="small">{r.error ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <details style={{ marginTop: 16 }}>
                <summary>Edit settings</summary>
                <FeedForm tenantId={tenant.id} feedId={f.id} initial={values} />
              </details>
            </div>
          </section>
        );
      })}
      <section className="panel" aria-labelledby="add-feed-h">
        <div className="panel-head">
          <div>
            <h2 id="add-feed-h">Add an MLS feed</h2>
            <p>RESO Web API (OData). Credentials are stored encrypted and never shown again.</p>
          </div>
        </div>
        <div className="panel-body">
          <FeedForm tenantId={tenant.id} />
        </div>
      </section>
    </div>
  );
}
