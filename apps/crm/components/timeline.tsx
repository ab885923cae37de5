import type { ActivityRow } from "@real-estate/crm";
import Link from "next/link";
import { contactName } from "./format";
import { When } from "./when";
import { UndoMergeButton } from "./merge-forms";

const ICONS: Record<string, string> = {
  WEBSITE_EVENT: "W",
  NOTE: "N",
  CALL: "C",
  MEETING: "M",
  EMAIL: "E",
  STATUS_CHANGE: "S",
  ASSIGNMENT: "A",
  CONTACT_CREATED: "+",
  CONTACT_UPDATED: "✎",
  CONTACT_MERGED: "⇄",
  TASK_COMPLETED: "✓",
  ACTION_PLAN: "P",
};

function who(a: ActivityRow): string {
  if (a.actorName) return a.actorName;
  if ((a.metadata as { apiKeyId?: string } | null)?.apiKeyId) return "API key";
  if (a.type === "WEBSITE_EVENT") return "Website";
  return "System";
}

/** The audit row of a merge entry (not of an undo entry, which names the merge it undid). */
function mergeAuditId(a: ActivityRow): string | null {
  const meta = (a.metadata ?? {}) as { auditLogId?: string; mergeAuditLogId?: string };
  return meta.mergeAuditLogId ? null : (meta.auditLogId ?? null);
}

/** Activities newest first: icon by type, title, who and when, body. */
export function Timeline({ items, showContact = false, canUndoMerges = false }: { items: ActivityRow[]; showContact?: boolean; canUndoMerges?: boolean }) {
  if (!items.length) return <p className="muted">Nothing yet.</p>;
  return (
    <ul className="timeline">
      {items.map((a) => (
        <li key={a.id} data-activity-type={a.type}>
          <span className={`t-icon t-${a.type}`} aria-hidden>
            {ICONS[a.type] ?? "•"}
          </span>
          <div>
            <div>
              <span className="t-title">{a.title}</span>
              {showContact && (
                <>
                  {" · "}
                  <Link href={a.leadId ? `/leads/${a.leadId}` : `/contacts/${a.contactId}`}>{contactName(a.contact)}</Link>
                </>
              )}
            </div>
            <div className="t-meta">
              {who(a)} · <When date={a.occurredAt} />
            </div>
            {a.body && <div className="t-body">{a.body}</div>}
            {canUndoMerges && a.type === "CONTACT_MERGED" && mergeAuditId(a) && <UndoMergeButton auditLogId={mergeAuditId(a)!} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
