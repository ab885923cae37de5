import { getRequestTenant } from "@/lib/request-tenant";
import { formatDateTime, timeAgo } from "./format";

/** A relative time with the exact one, in the brokerage's time zone, on hover. */
export async function When({ date }: { date: Date }) {
  const tenant = await getRequestTenant();
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date, tenant?.timeZone)}>
      {timeAgo(date)}
    </time>
  );
}
