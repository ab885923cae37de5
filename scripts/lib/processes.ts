import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";

const COLORS = ["\x1b[36m", "\x1b[35m", "\x1b[33m", "\x1b[32m", "\x1b[34m"];
let next = 0;

/** Runs a long-lived child process with its output prefixed by `[name]`. */
export function runService(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): ChildProcess {
  const color = process.stdout.isTTY ? COLORS[next++ % COLORS.length]! : "";
  const reset = process.stdout.isTTY ? "\x1b[0m" : "";
  const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"], detached: false });
  const prefix = `${color}[${name}]${reset} `;
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on("line", (line) => process.stdout.write(prefix + line + "\n"));
  }
  return child;
}

/** Runs a command to completion with prefixed output; resolves with its exit code. */
export function runStep(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<number> {
  return new Promise((resolve) => {
    const child = runService(name, command, args, env, cwd);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Sends SIGTERM to every child, then SIGKILL to any still running after `graceMs`. */
export async function stopAll(children: ChildProcess[], graceMs = 8_000): Promise<void> {
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    alive.map(
      (c) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => c.kill("SIGKILL"), graceMs);
          c.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          c.kill("SIGTERM");
        }),
    ),
  );
}
