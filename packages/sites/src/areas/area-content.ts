import { ZAreaContent, type AreaContent } from "@real-estate/types";

/** Town/neighbourhood content JSON as stored; invalid content reads as empty, never an error. */
export function parseAreaContent(value: unknown): AreaContent {
  const parsed = ZAreaContent.safeParse(value);
  return parsed.success ? parsed.data : {};
}
