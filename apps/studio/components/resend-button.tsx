"use client";

import { useRouter } from "next/navigation";
import type { ResendResult } from "@real-estate/operator";
import { useApi } from "@/lib/client-api";
import { useNotice } from "./notice";

/** Re-sends failed outbox messages (some by id, or all failed ones of the filter's tenant) and refreshes the page. */
export function ResendButton(props: { label: string; tenantId?: string; emailIds?: string[]; primary?: boolean; disabled?: boolean; testId?: string }) {
  const router = useRouter();
  const notice = useNotice();
  const { busy, run } = useApi();
  const onClick = async () => {
    const body = props.emailIds ? { tenantId: props.tenantId, emailIds: props.emailIds } : { tenantId: props.tenantId, allFailed: true };
    const result = await run<ResendResult>("POST", "/api/outbox/resend", body);
    if (!result.ok) return notice.show(result.message, true);
    const r = result.data;
    notice.show(
      r.requeued
        ? `${r.requeued} message${r.requeued === 1 ? "" : "s"} queued again${r.liftedSuppressions ? ` (${r.liftedSuppressions} bounce suppression${r.liftedSuppressions === 1 ? "" : "s"} lifted)` : ""}.`
        : "Nothing to re-send: the failed messages are already queued again.",
      !r.requeued,
    );
    router.refresh();
  };
  return (
    <button type="button" className={props.primary ? "primary" : "small"} disabled={busy || props.disabled} onClick={onClick} data-testid={props.testId}>
      {busy ? "Re-sending…" : props.label}
    </button>
  );
}
