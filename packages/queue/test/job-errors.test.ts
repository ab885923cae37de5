import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  classifyIngestionError,
  describeIngestionError,
  PermanentIngestionError,
  postgresErrorCode,
  scrubPersonalData,
  shortStack,
  TransientIngestionError,
} from "../src";

const adapterError = (code: string, message: string) =>
  Object.assign(new Error(`Raw query failed. Code: \`${code}\`. Message: \`${message}\``), {
    code: "P2010",
    meta: { driverAdapterError: { cause: { originalCode: code, originalMessage: message } } },
  });

describe("ingestion errors", () => {
  it("classifies invalid payloads, unknown tenants and declared permanent errors as permanent, the rest as transient", () => {
    expect(classifyIngestionError(new PermanentIngestionError("x"))).toBe("permanent");
    expect(classifyIngestionError(z.object({ a: z.string() }).safeParse({}).error)).toBe("permanent");
    expect(classifyIngestionError(adapterError("23503", "violates foreign key constraint"))).toBe("permanent");
    expect(classifyIngestionError(adapterError("40P01", "deadlock detected"))).toBe("transient");
    expect(classifyIngestionError(new TransientIngestionError("x"))).toBe("transient");
    expect(classifyIngestionError(new Error("socket hang up"))).toBe("transient");
    expect(classifyIngestionError(Object.assign(new Error("custom"), { errorClass: "permanent" }))).toBe("permanent");
    expect(postgresErrorCode(adapterError("57P01", "terminating connection"))).toBe("57P01");
  });

  it("describes errors in one line without e-mail addresses or phone numbers", () => {
    const unique = adapterError(
      "23505",
      "duplicate key value violates unique constraint, Key (email)=(ada@example.com) already exists; phone +1 (203) 555-0101",
    );
    expect(describeIngestionError(unique)).toBe("23505 duplicate key value violates unique constraint, Key (email)=([email]) already exists; phone [number]");
    expect(scrubPersonalData("connect ECONNREFUSED 127.0.0.1:5432 after 30000 ms")).toBe("connect ECONNREFUSED 127.0.0.1:5432 after 30000 ms");
    const zodError = z.object({ contact: z.object({ email: z.email() }) }).safeParse({ contact: { email: "nope" } }).error;
    expect(describeIngestionError(zodError)).toBe("contact.email: Invalid email address");
    const stack = shortStack(new TransientIngestionError("mail bob@example.com failed"), 2)!;
    expect(stack.split("\n")).toHaveLength(3);
    expect(stack).not.toContain("bob@example.com");
  });
});
