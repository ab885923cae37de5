import type { Db } from "@real-estate/db";
import { getDb, Prisma } from "@real-estate/db";
import { recordOperatorAction } from "../audit/record-operator-action";
import { runStudioRedrive } from "../redrives/run-studio-redrive";
import type { OperatorActor } from "../shared/actor";

/** Which failed messages to send again: some by id, or every failed one (of a tenant, or everywhere). */
export type ResendSelection = { tenantId?: string } & ({ emailIds: string[] } | { allFailed: true });

export type ResendResult = {
  /** Failed messages the selection matched. */
  matched: number;
  /** Their delivery jobs put back in the queue (through a re-drive, audited). */
  requeued: number;
  /** Matched messages whose delivery job is no longer dead-lettered (already re-driven, or pruned). */
  skipped: number;
  /** Bounce suppressions lifted so the address can be tried again. */
  liftedSuppressions: number;
  redriveId: string | null;
};

type Row = { tenantId: string; id: string; toAddress: string; jobId: bigint | null };

/**
 * Sends failed outbox messages again, like dead letters: their delivery jobs are re-driven
 * (runStudioRedrive: the same audited path as the dead-letter page), keeping each message's
 * Message-ID. A permanent refusal had suppressed the address (reason `bounce`): re-sending is the
 * operator saying the cause is fixed, so that suppression is lifted first; an unsubscribe never is.
 * Only FAILED messages are touched; another tenant's id in a tenant's selection matches nothing.
 */
export async function resendFailedEmails(options: { selection: ResendSelection; actor: OperatorActor; db?: Db }): Promise<ResendResult> {
  const db = options.db ?? getDb();
  const { selection } = options;
  const where = [Prisma.sql`m.status = 'FAILED'`];
  if (selection.tenantId) where.push(Prisma.sql`m."tenantId" = ${selection.tenantId}::uuid`);
  if ("emailIds" in selection) where.push(Prisma.sql`m.id = ANY(${selection.emailIds}::uuid[])`);
  const rows = await db.$queryRaw<Row[]>`
    SELECT m."tenantId"::text AS "tenantId", m.id::text AS id, m."toAddress",
           (SELECT j.id FROM "IngestionJob" j WHERE j."tenantId" = m."tenantId" AND j.kind = 'email.deliver' AND j."eventId" = m.id::text
               AND j.status = 'DEAD_LETTERED') AS "jobId"
      FROM "EmailMessage" m WHERE ${Prisma.join(where, " AND ")}
     LIMIT 10000`;
  const resendable = rows.filter((r) => r.jobId !== null);
  const result: ResendResult = { matched: rows.length, requeued: 0, skipped: rows.length - resendable.length, liftedSuppressions: 0, redriveId: null };
  if (!resendable.length) return result;
  result.liftedSuppressions = await db.$transaction(async (tx) => {
    const lifted = await tx.$executeRaw`
      DELETE FROM "EmailSuppression" s
       USING unnest(${resendable.map((r) => r.tenantId)}::uuid[], ${resendable.map((r) => r.toAddress.toLowerCase())}::text[]) AS x("tenantId", address)
       WHERE s."tenantId" = x."tenantId" AND s.address = x.address AND s.scope = 'all' AND s.reason = 'bounce'`;
    await recordOperatorAction(tx, {
      actor: options.actor,
      action: "outbox.resend",
      targetType: "email",
      tenantId: selection.tenantId ?? null,
      after: { emailIds: resendable.map((r) => r.id), liftedSuppressions: lifted },
    });
    return lifted;
  });
  const redrive = await runStudioRedrive({ selection: { ids: resendable.map((r) => r.jobId!.toString()) }, actor: options.actor, db });
  return { ...result, requeued: redrive.requeued, redriveId: redrive.redriveId };
}
