export * from "./create-client";
export * from "./shared-client";
export { guardEmptyWhere } from "./guard-where";
export { Prisma, PrismaClient } from "../generated/prisma/client";
export * from "../generated/prisma/enums";
