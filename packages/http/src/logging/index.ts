// The one JSON logger (pino) of the app servers and the worker (Node only).
export { createJsonLogger, createMemoryLogger, silentLogger, type LogFields, type Logger } from "./json-logger";
