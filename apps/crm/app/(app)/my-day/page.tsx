import Link from "next/link";
import { getMyDay, type MyDayBucket } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { TaskList } from "@/components/task-list";
import { firstName as firstNameOf, myProfile } from "@/lib/my-profile";

export const metadata = { title: "My day" };

function Bucket({
  title,
  bucket,
  empty,
  testId,
  timeZone,
  country,
}: {
  title: string;
  bucket: MyDayBucket;
  empty: string;
  testId: string;
  timeZone: string;
  country: string;
}) {
  return (
    <section className="panel" data-testid={testId}>
      <h2>
        {title}{" "}
        <span className="badge" data-testid={`${testId}-count`}>
          {bucket.count}
        </span>
      </h2>
      {bucket.items.length === 0 ? <p className="muted">{empty}</p> : <TaskList tasks={bucket.items} timeZone={timeZone} country={country} showPerson />}
      {bucket.count > bucket.items.length && (
        <p className="muted">
          Showing the first {bucket.items.length} of {bucket.count}.
        </p>
      )}
    </section>
  );
}

/** The agent's start page: their open tasks, overdue first, then today's, then the next seven days. */
export default async function MyDayPage() {
  const { tenant, session, member } = await requirePageAccess({ returnTo: "/my-day" });
  const [day, profile] = await Promise.all([
    getMyDay({ tenantId: tenant.tenantId, membershipId: member.id, timeZone: tenant.timeZone }),
    myProfile(tenant.tenantId, member.id),
  ]);
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
      <Bucket title="Overdue" bucket={day.overdue} empty="Nothing overdue." testId="my-day-overdue" timeZone={tenant.timeZone} country={tenant.country} />
      <Bucket title="Today" bucket={day.today} empty="Nothing else due today." testId="my-day-today" timeZone={tenant.timeZone} country={tenant.country} />
      <Bucket
        title="Next 7 days"
        bucket={day.upcoming}
        empty="Nothing due in the next seven days."
        testId="my-day-upcoming"
        timeZone={tenant.timeZone}
        country={tenant.country}
      />
    </>
  );
}
