import { STATUS_LABELS } from "./format";

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge s-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}
