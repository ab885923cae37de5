import Link from "next/link";
import type { TaskRow } from "@real-estate/crm";
import { TASK_KIND_LABELS } from "@real-estate/types";
import { CompleteTaskButton } from "./complete-task-button";
import { contactName, formatDateTime } from "./format";
import { formatPhone } from "./format-phone";

/**
 * Tasks as rows: kind, title, due time (brokerage's zone), person with a call/e-mail link, the
 * assignee, and Done. `showPerson`: on My day (on a lead's page the person is the page).
 */
export function TaskList({
  tasks,
  timeZone,
  country,
  showPerson,
  showAssignee,
  now = new Date(),
}: {
  tasks: TaskRow[];
  timeZone: string;
  country: string;
  showPerson?: boolean;
  showAssignee?: boolean;
  now?: Date;
}) {
  if (tasks.length === 0) return null;
  // Styles are classes (globals.css, "Task lists"), not inline objects: a page lists up to 60 rows
  // here, and each inline style was serialised twice per row (the page's payload and its HTML).
  return (
    <ul className="task-list">
      {tasks.map((t) => {
        const overdue = !t.completedAt && t.dueAt < now;
        const record = t.leadId ? `/leads/${t.leadId}` : `/contacts/${t.contactId}`;
        return (
          <li key={t.id} data-testid="task" data-task-id={t.id}>
            <div className="row">
              <div>
                <span className="tag">{TASK_KIND_LABELS[t.kind]}</span> <strong className={t.completedAt ? "task-closed" : undefined}>{t.title}</strong>
                <div className="muted task-meta">
                  {t.completedAt ? (
                    `Done ${formatDateTime(t.completedAt, timeZone)}`
                  ) : overdue ? (
                    <span className="task-overdue">{`Overdue since ${formatDateTime(t.dueAt, timeZone)}`}</span>
                  ) : (
                    `Due ${formatDateTime(t.dueAt, timeZone)}`
                  )}
                  {showPerson && (
                    <>
                      {" · "}
                      <Link href={record}>{contactName(t.contact)}</Link>
                      {t.contact.phone && (
                        <>
                          {" · "}
                          <a href={`tel:${t.contact.phone}`} data-testid="task-call">
                            {formatPhone(t.contact.phone, { homeCountry: country })}
                          </a>
                        </>
                      )}
                      {t.contact.email && (
                        <>
                          {" · "}
                          <a href={`mailto:${t.contact.email}`}>{t.contact.email}</a>
                        </>
                      )}
                    </>
                  )}
                  {showAssignee && (
                    <>
                      {" · "}
                      {t.assignedTo?.user.name ?? "Nobody yet"}
                    </>
                  )}
                </div>
                {t.notes && <div className="t-body task-notes">{t.notes}</div>}
              </div>
              <CompleteTaskButton taskId={t.id} done={t.completedAt !== null} title={t.title} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
