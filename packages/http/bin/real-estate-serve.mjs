#!/usr/bin/env node
// The app server of the three Next.js apps (see src/serve/cli.ts); the package ships TypeScript
// source, which tsx compiles on the fly.
import { register } from "tsx/esm/api";

register();
await import("../src/serve/cli.ts");
