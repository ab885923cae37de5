import http from "node:http";

export type HttpAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One HTTP request to 127.0.0.1 with an explicit Host header (tenants are told apart by host). */
export function httpRequest(options: {
  port: number;
  host: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: options.port,
        path: options.path,
        method: options.method ?? "GET",
        headers: { host: options.host, ...(options.body ? { "content-type": "application/json" } : {}), ...options.headers },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timeout on ${options.path}`)));
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}
