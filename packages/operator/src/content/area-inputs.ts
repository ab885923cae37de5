import { ZAreaContent } from "@real-estate/types";
import { z } from "zod";

export const AREA_KINDS = ["town", "neighborhood"] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const ZAreaKind = z.enum(AREA_KINDS);

export const ZAreaUpdateInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    summary: z.string().trim().max(4000).optional(),
    content: ZAreaContent,
  })
  .strict();
export type AreaUpdateInput = z.input<typeof ZAreaUpdateInput>;
