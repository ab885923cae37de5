import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";

const COLORS = ["\x1b[36m", "\x1b[35m", "\x1b[33m", "\x1b[32m", "\x1b[34m"];
let next = 0;

/**
 * Runs a long-lived child process with its output prefixed by `[name]`. The child leads its own
 * process group, so stopping it reaches everything it started (`npx` -> `next start` ->
 * next-server, `npx` -> `tsx` -> node), not only the first process; `stopAll` does that.
 */
export function runService(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): ChildProcess {
  const color = process.stdout.isTTY ? COLORS[next++ % COLORS.length]! : "";
  const reset = process.stdout.isTTY ? "\x1b[0m" : "";
  const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const prefix = `${color}[${name}]${reset} `;
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on("line", (line) => process.stdout.write(prefix + line + "\n"));
  }
  return child;
}

/**
 * Runs a command to completion with prefixed output; resolves with its exit code. The child is
 * pushed to `track` while it runs, so a shutdown in the meantime stops it too.
 */
export function runStep(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string, track?: ChildProcess[]): Promise<number> {
  return new Promise((resolve) => {
    const child = runService(name, command, args, env, cwd);
    track?.push(child);
    child.on("exit", (code) => {
      if (track?.includes(child)) track.splice(track.indexOf(child), 1);
      resolve(code ?? 1);
    });
  });
}

/** Sends `signal` to the child's whole process group; false when the group is gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends SIGTERM to every child's process group and waits until each group has no process left;
 * SIGKILL to any group still running after `graceMs`.
 */
export async function stopAll(children: ChildProcess[], graceMs = 8_000): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (!signalGroup(child, "SIGTERM")) return;
      const deadline = Date.now() + graceMs;
      while (signalGroup(child, 0)) {
        if (Date.now() > deadline) {
          signalGroup(child, "SIGKILL");
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }),
  );
}
