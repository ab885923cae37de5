import { describeJob } from "@real-estate/types";

/** A job's kind in words, with its code (what the kind filter takes) beneath in small print. */
export function JobKind({ kind, eventType }: { kind: string; eventType?: string | null }) {
  const code = eventType && eventType !== kind ? `${kind} · ${eventType}` : kind;
  return (
    <>
      {describeJob({ kind, eventType })}
      <div className="muted mono small">{code}</div>
    </>
  );
}
