import { countDeadLettersByError, listDeadLetters, UnknownTenantFilterError, type DeadLetter } from "@real-estate/queue";
import { countMatchingDeadLetters, getAttemptTimes, listTenants, type AttemptTimes } from "@real-estate/operator";
import type { Metadata } from "next";
import Link from "next/link";
import { DeadLetterFilterForm } from "@/components/dead-letter-filter-form";
import { DeadLetterTable, type DeadLetterRowView } from "@/components/dead-letter-table";
import { ErrorGroups } from "@/components/error-groups";
import { PageHead } from "@/components/page-head";
import { queryFromSearchParams, toDeadLetterFilter, type DeadLetterQuery } from "@/lib/dead-letter-query";
import { formatShort } from "@/lib/format";
import { requireOperatorPage } from "@/lib/operator";

export const metadata: Metadata = { title: "Dead letters" };

type Search = Record<string, string | undefined>;

function href(query: DeadLetterQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(Object.entries({ ...query, ...extra }).filter(([, v]) => v) as [string, string][]);
  return `/dead-letters${params.size ? `?${params}` : ""}`;
}

export default async function DeadLettersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireOperatorPage();
  const search = await searchParams;
  const parsed = queryFromSearchParams(search);
  const raw: DeadLetterQuery = {
    tenant: search.tenant,
    kind: search.kind,
    eventType: search.eventType,
    error: search.error,
    window: (search.window || undefined) as DeadLetterQuery["window"],
    since: search.since,
    until: search.until,
  };
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
      <PageHead
        title="Dead letters"
        subtitle="Jobs (website events, e-mails and other kinds) that used up their attempts. Nothing is dropped: fix the cause, then re-drive them. Times in UTC."
      />
      <DeadLetterFilterForm tenants={tenants} search={search} />
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
          <DeadLetterTable total={data.total} filter={raw} rows={data.page.items.map((d) => toRow(d, data.times.get(d.jobId)))} />
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

function toRow(d: DeadLetter, t: AttemptTimes | undefined): DeadLetterRowView {
  return {
    jobId: d.jobId,
    tenantId: d.tenantId,
    tenantSlug: d.tenantSlug,
    kind: d.kind,
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
}
