// A fake SMTP server whose conversation a test scripts step by step: by default it greets, answers
// EHLO/HELO, MAIL, RCPT, DATA (354), the message (250 queued) and QUIT like an honest server; a
// hook for a step decides whether, when and how that step is answered (answer now, later, never,
// or write something else), so a test can stall or misbehave at any point of the conversation.
import net from "node:net";
import type { AddressInfo } from "node:net";

/** "message" is the end of the DATA content (the "." line); "other" any command without a step of its own. */
export type SmtpStep = "greeting" | "EHLO" | "HELO" | "MAIL" | "RCPT" | "DATA" | "message" | "QUIT" | "other";

export type SmtpTurn = {
  readonly socket: net.Socket;
  /** The command line as the client sent it; for "message", the content before the "." line; "" for the greeting. */
  readonly line: string;
  /** Sends the honest server's reply to this step (nothing once the socket is destroyed). */
  readonly answer: () => void;
  /** Writes one reply line (CRLF added; nothing once the socket is destroyed). */
  readonly reply: (text: string) => void;
};

/** A hook replaces a step's honest reply: it calls `turn.answer()` itself, later, or never. */
export type SmtpScript = Partial<Record<SmtpStep, (turn: SmtpTurn) => void>>;

export type ScriptedSmtpServer = {
  /** smtp://127.0.0.1:<port> */
  readonly url: string;
  /** Destroys the open connections and closes the server. */
  close(): Promise<void>;
};

const STEPS: readonly SmtpStep[] = ["EHLO", "HELO", "MAIL", "RCPT", "DATA", "QUIT"];

function stepOf(line: string): SmtpStep {
  const verb = line.slice(0, 4).toUpperCase();
  return STEPS.find((step) => step === verb) ?? "other";
}

/** `scriptFor` is called at each connection: the script can differ from one connection to the next. */
export async function startScriptedSmtpServer(scriptFor: (socket: net.Socket) => SmtpScript, name = "scripted.test"): Promise<ScriptedSmtpServer> {
  const sockets = new Set<net.Socket>();

  function converse(socket: net.Socket) {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    const script = scriptFor(socket);
    let buffer = "";
    let inData = false;
    const reply = (text: string) => {
      if (!socket.destroyed) socket.write(`${text}\r\n`);
    };
    const honest: Record<SmtpStep, () => void> = {
      greeting: () => reply(`220 ${name} ESMTP`),
      EHLO: () => reply(`250 ${name}`),
      HELO: () => reply(`250 ${name}`),
      MAIL: () => reply("250 ok"),
      RCPT: () => reply("250 ok"),
      DATA: () => {
        inData = true;
        reply("354 go ahead");
      },
      message: () => reply("250 2.0.0 queued"),
      QUIT: () => {
        if (!socket.destroyed) socket.end("221 bye\r\n");
      },
      other: () => reply("250 ok"),
    };
    const turn = (step: SmtpStep, line: string) => {
      const hook = script[step];
      if (hook) hook({ socket, line, answer: honest[step], reply });
      else honest[step]();
    };

    turn("greeting", "");
    socket.on("data", (data) => {
      buffer += data.toString("latin1");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          const content = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          turn("message", content);
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        turn(stepOf(line), line);
      }
    });
  }

  const server = net.createServer(converse);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
