import { z } from "zod";

/** The signed-in operator an action is recorded against. */
export const ZOperatorActor = z.object({ userId: z.string().min(1), email: z.string().min(1) });
export type OperatorActor = z.infer<typeof ZOperatorActor>;
