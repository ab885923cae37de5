import {
  EMAIL_STATUSES,
  getOutboxHealth,
  listOutboxMessages,
  listTenants,
  outboxQueryInput,
  PLATFORM_OUTBOX,
  ZOutboxQuery,
  type OutboxMessage,
} from "@real-estate/operator";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/page-head";
import { ResendButton } from "@/components/resend-button";
import { TenantSelect } from "@/components/tenant-select";
import { formatAge, formatNumber, formatShort } from "@/lib/format";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Outbox" };

type Search = Record<string, string | undefined>;

const STATUS_BADGE: Record<string, string> = { QUEUED: "info", SENT: "ok", FAILED: "bad", SUPPRESSED: "warn" };

function href(search: Search, extra: Search = {}): string {
  const params = new URLSearchParams(Object.entries({ tenant: search.tenant, status: search.status, ...extra }).filter(([, v]) => v) as [string, string][]);
  return `/outbox${params.size ? `?${params}` : ""}`;
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireOperatorPage();
  const search = await searchParams;
  const parsed = ZOutboxQuery.safeParse(outboxQueryInput({ tenant: search.tenant, status: search.status, cursor: search.cursor }));
  const tenants = await listTenants();
  if (!parsed.success) {
    return (
      <>
        <PageHead title="Outbox" />
        <div className="banner bad" role="alert">
          {parsed.error.issues.map((i) => i.message).join("; ")} <Link href="/outbox">Show everything</Link>
        </div>
      </>
    );
  }
  const platform = parsed.data.platform === true;
  const [page, health] = await Promise.all([listOutboxMessages(parsed.data), getOutboxHealth({ tenantId: parsed.data.tenantId, platform })]);
  const tenant = tenants.find((t) => t.id === parsed.data.tenantId);
  const queuedAge = health.oldestQueuedAgeSeconds;
  // Tenant mail is re-sent through the queue; the platform's own mail is retried by its sweep.
  const failedTenantMail = health.totals.FAILED - (health.platform?.FAILED ?? 0);
  // The platform's own row in the health table, once it has any mail.
  const platformMail = health.platform && EMAIL_STATUSES.some((s) => health.platform![s] > 0) ? health.platform : null;
  return (
    <>
      <PageHead
        title={tenant ? `Outbox · ${tenant.name}` : platform ? "Outbox · Platform" : "Outbox"}
        subtitle="Every e-mail the platform writes (alerts, invitations, password resets, …) and what the SMTP server answered. Failed ones can be sent again, with the same Message-ID. Platform mail (an operator's password reset) belongs to no tenant. Times in UTC."
        actions={
          platform ? null : (
            <ResendButton
              label={`Re-send all ${formatNumber(failedTenantMail)} failed`}
              tenantId={parsed.data.tenantId}
              primary
              disabled={!failedTenantMail}
              testId="resend-all"
            />
          )
        }
      />
      <section className="grid grid-4" style={{ marginBottom: 16 }} data-testid="outbox-health">
        <div className={`panel stat${queuedAge !== null && queuedAge > 300 ? " warn" : ""}`}>
          <div className="label">Queued</div>
          <div className="value">{formatNumber(health.totals.QUEUED)}</div>
          <div className="hint">oldest waiting {queuedAge === null ? "—" : formatAge(queuedAge)}</div>
        </div>
        <div className="panel stat">
          <div className="label">Sent</div>
          <div className="value">{formatNumber(health.totals.SENT)}</div>
          <div className="hint">+{formatNumber(health.lastHour.SENT)} last hour</div>
        </div>
        <div className={`panel stat${health.totals.FAILED ? " bad" : ""}`}>
          <div className="label">Failed</div>
          <div className="value">
            <Link href={href(search, { status: "FAILED" })}>{formatNumber(health.totals.FAILED)}</Link>
          </div>
          <div className="hint">+{formatNumber(health.lastHour.FAILED)} last hour</div>
        </div>
        <div className="panel stat">
          <div className="label">Suppressed</div>
          <div className="value">{formatNumber(health.totals.SUPPRESSED)}</div>
          <div className="hint">bounced or unsubscribed addresses</div>
        </div>
      </section>
      {!tenant && !platform && (health.byTenant.length || platformMail) ? <TenantTable rows={health.byTenant} platform={platformMail} search={search} /> : null}
      <form className="panel" method="get" style={{ margin: "16px 0" }} data-testid="outbox-filter">
        <div className="panel-body row" style={{ alignItems: "flex-end" }}>
          <label className="field">
            <span>Tenant</span>
            <TenantSelect tenants={tenants} value={search.tenant} platform={{ value: PLATFORM_OUTBOX, label: "Platform (no tenant)" }} />
          </label>
          <label className="field">
            <span>Status</span>
            <select name="status" defaultValue={search.status ?? ""}>
              <option value="">Any</option>
              {EMAIL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s.toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            Apply
          </button>
          <Link className="button" href="/outbox">
            Reset
          </Link>
        </div>
      </form>
      <MessageTable rows={page.items} />
      {page.nextCursor ? (
        <div className="right" style={{ marginTop: 12 }}>
          <Link className="button" href={href(search, { cursor: page.nextCursor })}>
            Older messages →
          </Link>
        </div>
      ) : null}
    </>
  );
}

type Health = Awaited<ReturnType<typeof getOutboxHealth>>;

function TenantTable({ rows, platform, search }: { rows: Health["byTenant"]; platform: Health["platform"]; search: Search }) {
  return (
    <div className="panel">
      <div className="panel-head">
        <h2>By tenant</h2>
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="outbox-tenants">
          <thead>
            <tr>
              <th>Tenant</th>
              <th className="num">Queued</th>
              <th className="num">Sent</th>
              <th className="num">Failed</th>
              <th className="num">Suppressed</th>
              <th>Oldest queued</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.tenantId}>
                <td>
                  <Link href={href({ ...search, tenant: t.tenantId })}>{t.name}</Link>
                  <div className="muted small mono">{t.slug}</div>
                </td>
                <td className="num">{formatNumber(t.QUEUED)}</td>
                <td className="num">{formatNumber(t.SENT)}</td>
                <td className="num">{t.FAILED ? <Link href={href({ ...search, tenant: t.tenantId, status: "FAILED" })}>{formatNumber(t.FAILED)}</Link> : 0}</td>
                <td className="num">{formatNumber(t.SUPPRESSED)}</td>
                <td className="small">{t.oldestQueuedAgeSeconds === null ? "—" : formatAge(t.oldestQueuedAgeSeconds)}</td>
              </tr>
            ))}
            {platform ? (
              <tr data-testid="outbox-platform-row">
                <td>
                  <Link href={href({ ...search, tenant: PLATFORM_OUTBOX })}>Platform</Link>
                  <div className="muted small">no tenant: operators&apos; password resets</div>
                </td>
                <td className="num">{formatNumber(platform.QUEUED)}</td>
                <td className="num">{formatNumber(platform.SENT)}</td>
                <td className="num">
                  {platform.FAILED ? <Link href={href({ ...search, tenant: PLATFORM_OUTBOX, status: "FAILED" })}>{formatNumber(platform.FAILED)}</Link> : 0}
                </td>
                <td className="num">{formatNumber(platform.SUPPRESSED)}</td>
                <td className="small">{platform.oldestQueuedAgeSeconds === null ? "—" : formatAge(platform.oldestQueuedAgeSeconds)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function MessageTable({ rows }: { rows: OutboxMessage[] }) {
  return (
    <div className="panel">
      <div className="table-wrap">
        <table className="data" data-testid="outbox-table">
          <thead>
            <tr>
              <th>Queued</th>
              <th>To / subject</th>
              <th>Template</th>
              <th>Status</th>
              <th className="num">Attempts</th>
              <th>Last answer or error</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="empty">
                  No messages match this filter.
                </td>
              </tr>
            ) : null}
            {rows.map((m) => (
              <tr key={m.id} data-status={m.status} data-scope={m.tenantId ? "tenant" : "platform"}>
                <td className="small nowrap">
                  {formatShort(m.createdAt)}
                  <div className="muted">{m.tenantSlug ?? <span className="badge info">Platform</span>}</div>
                </td>
                <td>
                  <div className="truncate" style={{ maxWidth: 320 }} title={m.toAddress}>
                    {m.toAddress}
                  </div>
                  <div className="muted small truncate" style={{ maxWidth: 320 }} title={`${m.subject}\nMessage-ID: <${m.messageId}>`}>
                    {m.subject}
                  </div>
                </td>
                <td className="mono small nowrap">
                  {m.template}
                  <div className="muted">{m.category}</div>
                </td>
                <td className="nowrap">
                  <span className={`badge ${STATUS_BADGE[m.status] ?? "info"}`}>{m.status.toLowerCase()}</span>
                  {m.status === "FAILED" && m.jobStatus && m.jobStatus !== "DEAD_LETTERED" ? <div className="muted small">re-sending</div> : null}
                  {m.sentAt ? <div className="muted small">{formatShort(m.sentAt)}</div> : null}
                </td>
                <td className="num">{m.attempts}</td>
                <td>
                  <div className="error-text truncate" style={{ maxWidth: 340 }} title={m.lastError ?? ""}>
                    {m.lastError ?? (m.smtpCode ? `${m.smtpCode}` : "—")}
                  </div>
                </td>
                <td className="nowrap">
                  {m.tenantId && m.status === "FAILED" && m.jobStatus === "DEAD_LETTERED" ? (
                    <ResendButton label="Re-send" tenantId={m.tenantId} emailIds={[m.id]} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
