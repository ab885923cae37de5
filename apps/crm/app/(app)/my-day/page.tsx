import Link from "next/link";
import { getMyDay, type MyDayBucket } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { TaskList } from "@/components/task-list";
import { firstName as firstNameOf, myProfile } from "@/lib/my-profile";

export const metadata = { title: "My day" };

/** Tasks a bucket lists on the page; "Show all" lists up to MY_DAY_ALL_ITEMS of one bucket. */
const MY_DAY_ITEMS = 20;
const MY_DAY_ALL_ITEMS = 200;
const BUCKETS = ["overdue", "today", "upcoming"] as const;
type BucketName = (typeof BUCKETS)[number];
const BUCKET_TEXT: Record<BucketName, { title: string; empty: string }> = {
  overdue: { title: "Overdue", empty: "Nothing overdue." },
  today: { title: "Today", empty: "Nothing else due today." },
  upcoming: { title: "Next 7 days", empty: "Nothing due in the next seven days." },
};

function Bucket({
  name,
  title,
  bucket,
  shown,
  empty,
  timeZone,
  country,
}: {
  name: BucketName;
  title: string;
  bucket: MyDayBucket;
  /** How many of the bucket's first items the page lists. */
  shown: number;
  empty: string;
  timeZone: string;
  country: string;
}) {
  const testId = `my-day-${name}`;
  const items = bucket.items.slice(0, shown);
  return (
    <section className="panel" data-testid={testId} id={name}>
      <h2>
        {title}{" "}
        <span className="badge" data-testid={`${testId}-count`}>
          {bucket.count}
        </span>
      </h2>
      {items.length === 0 ? <p className="muted">{empty}</p> : <TaskList tasks={items} timeZone={timeZone} country={country} showPerson />}
      {bucket.count > items.length && (
        <p className="muted" data-testid={`${testId}-more`}>
          Showing the first {items.length} of {bucket.count}.{" "}
          {shown < MY_DAY_ALL_ITEMS ? (
            <Link href={`/my-day?all=${name}#${name}`}>Show {bucket.count > MY_DAY_ALL_ITEMS ? `the first ${MY_DAY_ALL_ITEMS}` : `all ${bucket.count}`}</Link>
          ) : null}
        </p>
      )}
    </section>
  );
}

/**
 * The agent's start page: their open tasks, overdue first, then today's, then the next seven
 * days; the first MY_DAY_ITEMS of each, the whole count, and "Show all" for one bucket at a time
 * (a page of 150 tasks was slow to render and to read).
 */
export default async function MyDayPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant, session, member } = await requirePageAccess({ returnTo: "/my-day" });
  // ?all=overdue|today|upcoming lists more of that one bucket; anything else is the usual page.
  const asked = (await searchParams).all;
  const all = BUCKETS.find((b) => b === asked) ?? null;
  const [day, profile] = await Promise.all([
    getMyDay({ tenantId: tenant.tenantId, membershipId: member.id, timeZone: tenant.timeZone, limit: all ? MY_DAY_ALL_ITEMS : MY_DAY_ITEMS }),
    myProfile(tenant.tenantId, member.id),
  ]);
  const shown = (name: BucketName) => (name === all ? MY_DAY_ALL_ITEMS : MY_DAY_ITEMS);
  // The name the member chose for their profile, else their account's.
  const firstName = firstNameOf(profile?.name ?? session.user.name);
  const open = day.overdue.count + day.today.count;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>My day</h1>
          <div className="sub" data-testid="my-day-greeting">
            Good to see you, {firstName}.{" "}
            {open === 0
              ? "Nothing is due today."
              : `${open} task${open === 1 ? "" : "s"} to do today${day.overdue.count ? `, ${day.overdue.count} of them overdue` : ""}.`}
          </div>
        </div>
        <Link className="btn" href="/leads?assignedTo=me">
          My leads
        </Link>
      </div>
      {BUCKETS.map((name) => (
        <Bucket
          key={name}
          name={name}
          title={BUCKET_TEXT[name].title}
          bucket={day[name]}
          shown={shown(name)}
          empty={BUCKET_TEXT[name].empty}
          timeZone={tenant.timeZone}
          country={tenant.country}
        />
      ))}
    </>
  );
}
