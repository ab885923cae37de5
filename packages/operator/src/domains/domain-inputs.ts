import { DOMAIN_KINDS, ZHostname } from "@real-estate/types";
import { z } from "zod";

export const ZDomainAddInput = z
  .object({
    hostname: ZHostname,
    kind: z.enum(DOMAIN_KINDS),
    /** Make it the primary host of its kind (the first host of a kind always is). */
    isPrimary: z.boolean().optional(),
  })
  .strict();
export type DomainAddInput = z.input<typeof ZDomainAddInput>;
