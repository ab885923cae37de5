import { formatDateTime, timeAgo } from "./format";

/** A relative time with the exact one on hover. */
export function When({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {timeAgo(date)}
    </time>
  );
}
