import type { ActivityRow } from "@real-estate/db/crm";
import Link from "next/link";
import { contactName } from "./format";
import { When } from "./when";

const ICONS: Record<string, string> = {
  WEBSITE_EVENT: "W", NOTE: "N", CALL: "C", MEETING: "M", EMAIL: "E", STATUS_CHANGE: "S", ASSIGNMENT: "A", CONTACT_CREATED: "+", CONTACT_UPDATED: "✎",
};

function who(a: ActivityRow): string {
  if (a.actorName) return a.actorName;
  if ((a.metadata as { apiKeyId?: string } | null)?.apiKeyId) return "API key";
  if (a.type === "WEBSITE_EVENT") return "Website";
  return "System";
}

/** Activities newest first: icon by type, title, who and when, body. */
export function Timeline({ items, showContact = false }: { items: ActivityRow[]; showContact?: boolean }) {
  if (!items.length) return <p className="muted">Nothing yet.</p>;
  return (
    <ul className="timeline">
      {items.map((a) => (
        <li key={a.id} data-activity-type={a.type}>
          <span className={`t-icon t-${a.type}`} aria-hidden>{ICONS[a.type] ?? "•"}</span>
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
          </div>
        </li>
      ))}
    </ul>
  );
}
