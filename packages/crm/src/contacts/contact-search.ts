import type { Prisma } from "@real-estate/db";

/** A word for Prisma's `contains` (LIKE '%…%'): its % and _ are the characters, not patterns. */
const literal = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Where clause for free-text search over a contact's name, email and phone: every word of the
 * query must match one of them (case-insensitive). "jane 203" finds Jane with a 203 number.
 */
export function contactSearchWhere(q: string | undefined): Prisma.ContactWhereInput | undefined {
  const words = (q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 6);
  if (!words.length) return undefined;
  return {
    AND: words.map((raw) => {
      const digits = raw.replace(/\D/g, "");
      const word = literal(raw);
      const or: Prisma.ContactWhereInput[] = [
        { firstName: { contains: word, mode: "insensitive" } },
        { lastName: { contains: word, mode: "insensitive" } },
        { email: { contains: word, mode: "insensitive" } },
      ];
      if (digits.length >= 3) or.push({ phone: { contains: digits } });
      return { OR: or };
    }),
  };
}
