// Child processes the bench starts (Next.js servers, the worker): logs to bench/results/logs,
// peak memory sampled from /proc, stopped by their own process group id.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { RESULTS_DIR } from "./paths";
import { sleep } from "./stats";

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      const text = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    } catch {
      /* the task ended */
    }
  }
  return out;
}

/** The pid and all its descendants. */
export function processTree(pid: number): number[] {
  const seen: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    seen.push(p);
    stack.push(...childrenOf(p));
  }
  return seen;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/**
 * CPU time (user + system) a process tree has used so far, in ms (Linux; 10 ms resolution). Read
 * before and after a phase, it is what the phase's requests cost the server, however busy the
 * machine: a latency stretches with the load, CPU time much less.
 */
export function treeCpuMs(pid: number): number {
  return (processTree(pid).reduce((sum, p) => sum + cpuTicks(p), 0) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory of a process tree, in MB. */
export function treeRssMb(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + rssKb(p), 0) / 1024;
}

/**
 * Samples a process tree's RSS every `intervalMs` until stopped and reports the peak; `idleMb`
 * is what `markIdle()` read once the process was up and before the load (the memory baseline).
 */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  peakMb = 0;
  idleMb: number | null = null;
  constructor(
    private readonly pid: number,
    private readonly intervalMs = 200,
  ) {}
  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }
  markIdle(): void {
    this.idleMb = treeRssMb(this.pid);
  }
  /** RSS once every route under test has answered one request (its code loaded), before the load. */
  warmMb: number | null = null;
  markWarm(): void {
    this.warmMb = treeRssMb(this.pid);
  }
  private sample() {
    const mb = treeRssMb(this.pid);
    if (mb > this.peakMb) this.peakMb = mb;
  }
  stop(): { peakMb: number; idleMb: number | null; warmMb: number | null } {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return { peakMb: this.peakMb, idleMb: this.idleMb, warmMb: this.warmMb };
  }
}

export type Started = { child: ChildProcess; pid: number; logPath: string; stop: () => Promise<void> };

const running = new Set<Started>();

/** Starts a command in its own process group with stdout/stderr in a log file. */
export function startProcess(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Started {
  const logDir = path.join(RESULTS_DIR, "logs");
  fs.mkdirSync(logDir, { recursive: true });
  const logPath = path.join(logDir, `${name}.log`);
  const fd = fs.openSync(logPath, "w");
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", fd, fd], detached: true });
  fs.closeSync(fd);
  if (!child.pid) throw new Error(`could not start ${name}`);
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started: Started = {
    child,
    pid,
    logPath,
    stop: async () => {
      running.delete(started);
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(pid, "SIGTERM");
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) {
        signalGroup(pid, "SIGKILL");
        await Promise.race([exited, sleep(3_000)]);
      }
    },
  };
  running.add(started);
  return started;
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Stops every process this run started and has not stopped (interrupted runs). */
export async function stopAllStarted(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

export function tailLog(logPath: string, lines = 30): string {
  try {
    return fs.readFileSync(logPath, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}
