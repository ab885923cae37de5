import { countDeadLettersByError, listDeadLetters, UnknownTenantFilterError } from "@real-estate/db/queue";
import { countMatchingDeadLetters, getAttemptTimes, listTenants } from "@real-estate/db/studio";
import { WEBSITE_EVENT_TYPES } from "@real-estate/types";
import type { Metadata } from "next";
import Link from "next/link";
import { DeadLetterTable } from "@/components/dead-letter-table";
import { ErrorGroups } from "@/components/error-groups";
import { PageHead } from "@/components/page-head";
import { queryFromSearchParams, toDeadLetterFilter, type TDeadLetterQuery } from "@/lib/dead-letter-query";
import { formatShort } from "@/lib/format";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Dead letters" };

type Search = Record<string, string | undefined>;

function href(query: TDeadLetterQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(Object.entries({ ...query, ...extra }).filter(([, v]) => v) as [string, string][]);
  return `/dead-letters${params.size ? `?${params}` : ""}`;
}

export default async function DeadLettersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireOperatorPage();
  const search = await searchParams;
  const parsed = queryFromSearchParams(search);
  const raw: TDeadLetterQuery = { tenant: search.tenant, eventType: search.eventType, error: search.error, window: (search.window || undefined) as TDeadLetterQuery["window"], since: search.since, until: search.until };
  const tenants = await listTenants();
  let problem: string | null = parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  let data = null;
  if (parsed.success) {
    const filter = toDeadLetterFilter(parsed.data);
    try {
      const [page, groups, total] = await Promise.all([
        listDeadLetters({ filter, cursor: search.cursor, limit: 50 }),
        countDeadLettersByError({ filter, limit: 25 }),
        countMatchingDeadLetters({ filter }),
      ]);
      const times = await getAttemptTimes({ jobs: page.items.map((d) => ({ tenantId: d.tenantId, jobId: d.jobId })) });
      data = { page, groups, total, times };
    } catch (error) {
      if (error instanceof UnknownTenantFilterError) problem = error.message;
      else if ((error as Error).name === "InvalidCursorError") problem = "That page link is no longer valid.";
      else throw error;
    }
  }
  return (
    <>
      <PageHead title="Dead letters" subtitle="Website events that used up their attempts. Nothing is dropped: fix the cause, then re-drive them. Times in UTC." />
      <form className="panel" method="get" style={{ marginBottom: 16 }} data-testid="dead-letter-filter">
        <div className="panel-body row" style={{ alignItems: "flex-end" }}>
          <label className="field">
            <span>Tenant</span>
            <select name="tenant" defaultValue={search.tenant ?? ""} style={{ maxWidth: 190 }}>
              <option value="">All tenants</option>
              {tenants.map((t) => (
                <option key={t.id} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Event type</span>
            <select name="eventType" defaultValue={search.eventType ?? ""}>
              <option value="">Any</option>
              {WEBSITE_EVENT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label className="field" style={{ flex: "1 1 140px" }}>
            <span>Error contains</span>
            <input type="search" name="error" defaultValue={search.error} placeholder="e.g. timeout" />
          </label>
          <label className="field">
            <span>Dead-lettered</span>
            <select name="window" defaultValue={search.window ?? ""}>
              <option value="">Any time</option>
              <option value="1h">Last hour</option>
              <option value="24h">Last 24 hours</option>
              <option value="7d">Last 7 days</option>
              <option value="30d">Last 30 days</option>
            </select>
          </label>
          <label className="field">
            <span>From (UTC)</span>
            <input type="datetime-local" name="since" defaultValue={search.since} style={{ width: 185 }} />
          </label>
          <label className="field">
            <span>Until (UTC)</span>
            <input type="datetime-local" name="until" defaultValue={search.until} style={{ width: 185 }} />
          </label>
          <button type="submit" className="primary">
            Apply
          </button>
          <Link className="button" href="/dead-letters">
            Reset
          </Link>
        </div>
      </form>
      {problem ? (
        <div className="banner bad" role="alert">
          {problem}
        </div>
      ) : null}
      {data ? (
        <div className="stack">
          {data.groups.length ? (
            <ErrorGroups total={data.total} filter={raw} groups={data.groups.map((g) => ({ ...g, filterHref: href({ ...raw, error: g.error }) }))} />
          ) : null}
          <DeadLetterTable
            total={data.total}
            filter={raw}
            rows={data.page.items.map((d) => {
              const t = data.times.get(d.jobId);
              return {
                jobId: d.jobId,
                tenantId: d.tenantId,
                tenantSlug: d.tenantSlug,
                eventType: d.eventType,
                attempts: d.attempts,
                maxAttempts: d.maxAttempts,
                firstAttempt: formatShort(t?.firstAttemptAt),
                lastAttempt: formatShort(t?.lastAttemptAt),
                deadLettered: formatShort(d.deadLetteredAt),
                lastError: d.lastError,
                lastErrorClass: d.lastErrorClass,
                redriveCount: d.redriveCount,
                held: d.redriveId !== null,
              };
            })}
          />
          {data.page.nextCursor ? (
            <div className="right">
              <Link className="button" href={href(raw, { cursor: data.page.nextCursor })}>
                Older dead letters →
              </Link>
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
