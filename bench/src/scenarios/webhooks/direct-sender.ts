// The baseline's sender in a process of its own (forked by the webhooks scenario): a program doing
// direct signed POSTs of the stored payloads, as the worker is a process of its own. Each message
// from the parent is one round of POSTs (postSigned); it answers when the round is done.
import { postSigned, type StoredDelivery } from "./direct-posts";

export type SenderRequest = { rows: StoredDelivery[]; inFlight: number };
export type SenderReply = { ok: true } | { ok: false; error: string };

process.on("message", (message: SenderRequest) => {
  postSigned(message.rows, message.inFlight).then(
    () => process.send!({ ok: true } satisfies SenderReply),
    (error: unknown) => process.send!({ ok: false, error: String((error as Error)?.message ?? error) } satisfies SenderReply),
  );
});
// Told to stop by the parent closing the channel.
process.on("disconnect", () => process.exit(0));
