import http from "node:http";

/**
 * POSTs to the edge on `port` a body announced as `length` bytes, sending at most `send` of them
 * (the whole body only when `send >= length`): the answer's status, or 0 when none came within
 * 5 s (a body nginx would take, it waits for: no answer is no refusal).
 */
export function rawPost(port: number, target: string, length: number, send: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method: "POST", path: target, headers: { host: "edge.localhost", "content-length": String(length) }, agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on("error", reject);
    req.setTimeout(5_000, () => {
      req.destroy();
      resolve(0);
    });
    if (send >= length) req.end("x".repeat(length));
    else req.write("x".repeat(send));
  });
}
