// PostgreSQL refuses to run as root. When `npm start` or `npm test` runs as root (containers,
// CI), the embedded server runs as an unprivileged system account instead: EMBEDDED_PG_USER,
// else `postgres` (created as a system account without home or shell when it does not exist).
import { execFileSync } from "node:child_process";

export type ServerUser = { name: string; uid: number; gid: number };

function lookup(name: string): ServerUser | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

function createSystemUser(name: string): void {
  const attempts: [string, string[]][] = [
    ["useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name]],
    ["adduser", ["-S", "-D", "-H", "-s", "/sbin/nologin", name]], // BusyBox (Alpine)
  ];
  for (const [command, args] of attempts) {
    try {
      execFileSync(command, args, { stdio: "ignore" });
      return;
    } catch {
      // try the next tool
    }
  }
  throw new Error(
    `running as root: could not create the system user "${name}" to run the embedded PostgreSQL; create an unprivileged user and set EMBEDDED_PG_USER to its name`,
  );
}

/** The account the server runs as: undefined when this process is not root (it runs as us). */
export function serverUser(log?: (line: string) => void): ServerUser | undefined {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const name = process.env.EMBEDDED_PG_USER?.trim() || "postgres";
  let user = lookup(name);
  if (!user) {
    if (process.env.EMBEDDED_PG_USER) throw new Error(`EMBEDDED_PG_USER=${name}: no such user`);
    createSystemUser(name);
    log?.(`running as root: created the system user "${name}" to run the embedded PostgreSQL`);
    user = lookup(name);
    if (!user) throw new Error(`running as root: the system user "${name}" was created but cannot be looked up`);
  }
  if (user.uid === 0) throw new Error(`EMBEDDED_PG_USER=${name} is root; PostgreSQL needs an unprivileged user`);
  return user;
}
