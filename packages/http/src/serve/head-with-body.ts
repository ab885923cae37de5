import type { ServerResponse } from "node:http";

/**
 * Lets a response's head go out in the same socket write as the body written in the same tick.
 * Next.js sends every body it streams (route handlers' `Response`s, pages) through
 * `pipeToNodeResponse`, which calls `flushHeaders()` just before its first chunk: node:http then
 * writes the head to the socket on its own, and the body (with, for a one-chunk body, the
 * chunked encoding's end) in a second write. Here `flushHeaders()` corks the socket and uncorks
 * it at the end of the tick: the head waits only for what is written before then, so a small
 * response goes out in one write, and a streamed page whose next part comes later still gets its
 * head, and each part, as soon as the tick it was written in ends.
 */
export function sendHeadWithBody(res: ServerResponse): void {
  const flushHeaders = res.flushHeaders.bind(res);
  res.flushHeaders = () => {
    const socket = res.socket;
    if (!socket || socket.destroyed || res.writableEnded) return flushHeaders();
    socket.cork();
    try {
      flushHeaders();
    } finally {
      process.nextTick(uncork, socket);
    }
  };
}

function uncork(socket: NonNullable<ServerResponse["socket"]>): void {
  // `end()` uncorks the socket fully; a socket uncorked already is left as it is.
  if (socket.writableCorked > 0) socket.uncork();
}
