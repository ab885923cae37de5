// The baseline's sender: the stored payloads POSTed straight to the receiver, signed as a delivery
// is (Standard Webhooks), `inFlight` at a time over kept-alive connections. Run in the bench's own
// process (the receiver's) and, in a process of its own, by direct-sender.ts.
import http from "node:http";
import { signWebhook } from "@real-estate/integrations";

export type StoredDelivery = { id: string; payload: unknown; secret: string; url: string };

/** POSTs every row, `inFlight` at a time; rejects on the first answer other than 200. */
export async function postSigned(rows: readonly StoredDelivery[], inFlight: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  let next = 0;
  const post = (row: StoredDelivery) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify(row.payload);
      const headers = signWebhook({ id: `direct-${row.id}`, timestamp: new Date(), body, secrets: [row.secret] });
      const request = http.request(
        row.url,
        { method: "POST", agent, headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } },
        (response) => {
          response.resume();
          response.on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`direct POST answered ${response.statusCode}`))));
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  const lane = async () => {
    while (next < rows.length) await post(rows[next++]!);
  };
  try {
    await Promise.all(Array.from({ length: inFlight }, lane));
  } finally {
    agent.destroy();
  }
}
