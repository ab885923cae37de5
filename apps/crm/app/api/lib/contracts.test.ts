import { describe, expect, it } from "vitest";
import { ZActivityCreate, ZContactCreate } from "./contracts";

describe("contracts refuse text PostgreSQL cannot store", () => {
  it("a NUL character in a name, note or activity text is a validation error", () => {
    expect(ZContactCreate.safeParse({ firstName: "Ada\u0000", email: "ada@example.com" }).success).toBe(false);
    expect(ZContactCreate.safeParse({ lastName: "\u0000", email: "ada@example.com" }).success).toBe(false);
    expect(ZContactCreate.safeParse({ email: "ada@example.com", notes: "a\u0000b" }).success).toBe(false);
    const contactId = "0191b3a0-0000-7000-8000-000000000001";
    expect(ZActivityCreate.safeParse({ type: "NOTE", contactId, body: "x\u0000" }).success).toBe(false);
    expect(ZActivityCreate.safeParse({ type: "CALL", contactId, title: "t\u0000" }).success).toBe(false);
    expect(ZContactCreate.safeParse({ firstName: "Ada", email: "ada@example.com", notes: "fine" }).success).toBe(true);
  });
});
