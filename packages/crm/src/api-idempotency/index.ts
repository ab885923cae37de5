export * from "./claim-idempotency-key";
export * from "./complete-idempotency-key";
export * from "./release-idempotency-key";
