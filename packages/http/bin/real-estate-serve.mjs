#!/usr/bin/env node
// The app server of the three Next.js apps (see src/serve/cli.ts); the package ships TypeScript
// source, which tsx compiles on the fly. On Linux it first re-executes itself with glibc's malloc
// arenas capped (src/serve/malloc-arenas.ts, decision 0112).
import { register } from "tsx/esm/api";

register();
const { reexecWithMallocArenas } = await import("../src/serve/malloc-arenas.ts");
reexecWithMallocArenas();
await import("../src/serve/cli.ts");
