import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { maxRequestBytes } from "@real-estate/http/body-cap";
import { renderNginxConfig, type EdgeConfig } from "./nginx-config";

/** Debian's nginx (package `nginx`); NGINX_BIN names another. */
export function nginxBinary(): string {
  return process.env.NGINX_BIN ?? "/usr/sbin/nginx";
}

export function nginxAvailable(): boolean {
  return fs.existsSync(nginxBinary());
}

export type Nginx = { child: ChildProcess; configFile: string; stop: () => Promise<void>; errors: () => string };

function portAnswers(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** As root, nginx's workers run as an unprivileged account (EDGE_NGINX_USER, default Debian's www-data), which must own the folders they write. */
function workerAccount(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = process.env.EDGE_NGINX_USER ?? "www-data";
  const uid = Number(spawnSync("id", ["-u", name], { encoding: "utf8" }).stdout.trim());
  const gid = Number(spawnSync("id", ["-g", name], { encoding: "utf8" }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || spawnSync("id", ["-u", name]).status !== 0)
    throw new Error(`nginx runs as root here and its workers need the account "${name}" (EDGE_NGINX_USER names another)`);
  return { name, uid, gid };
}

/**
 * Writes the configuration under `config.prefix` and runs nginx in the foreground as a child
 * (unprivileged paths only: its own pid file, logs, temp and cache folders). Resolves once the
 * website port accepts connections. `stop` shuts it down gracefully (SIGQUIT), then kills it.
 * Bodies are capped as the app server caps them: `config.maxBodyBytes`, else APP_MAX_REQUEST_BYTES
 * read as the app server reads it (a value it refuses stops nginx before it starts too).
 */
export async function startNginx(config: EdgeConfig): Promise<Nginx> {
  if (!nginxAvailable()) throw new Error(`nginx not found at ${nginxBinary()} (Debian: apt-get install -y nginx, or set NGINX_BIN)`);
  const maxBodyBytes = config.maxBodyBytes ?? maxRequestBytes(process.env.APP_MAX_REQUEST_BYTES);
  const account = workerAccount();
  const writable = ["tmp", "tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"].map((d) => path.join(config.prefix, d));
  for (const dir of writable) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(config.cacheDir, { recursive: true });
  if (account) {
    // The workers reach the folders through the prefix, and write the cache and temp folders.
    fs.chmodSync(config.prefix, 0o755);
    for (const dir of [...writable, config.cacheDir]) fs.chownSync(dir, account.uid, account.gid);
  }
  const configFile = path.join(config.prefix, "nginx.conf");
  fs.writeFileSync(configFile, renderNginxConfig({ ...config, user: config.user ?? account?.name, maxBodyBytes }));
  const check = spawnSync(nginxBinary(), ["-t", "-q", "-p", config.prefix, "-c", configFile], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx refused its configuration:\n${check.stderr}`);
  const child = spawn(nginxBinary(), ["-p", config.prefix, "-c", configFile], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGQUIT");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
  };
  // An IPv6 listen address is written in brackets ([::1]), as nginx takes it.
  const host = (config.listen ?? "127.0.0.1").replace(/^\[(.*)\]$/, "$1");
  const deadline = Date.now() + 15_000;
  while (!(await portAnswers(config.webPort, host))) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start:\n${stderr}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not listen on ${host}:${config.webPort} within 15 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const errorLog = path.join(config.prefix, "error.log");
  return { child, configFile, stop, errors: () => stderr + (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, "utf8") : "") };
}
