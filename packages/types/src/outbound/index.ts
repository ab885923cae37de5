// Calls this platform makes to addresses its users chose (webhook endpoints, MLS feeds), with the
// server-side request forgery protection they share: the destination guard (checked when saved,
// and resolved and checked again before every call), connections pinned to the checked addresses,
// and the operator's allow-list syntax. Server-only: node:dns, node:net and undici.
export * from "./allowed-hosts";
export * from "./bounded-body";
export * from "./destination-guard";
export * from "./connection-pool";
export * from "./outbound-fetch";
