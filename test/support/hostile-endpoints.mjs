// Loopback servers that misbehave the way a wrong URL, a captive portal, a broken proxy or a
// dying server does, at the level of raw TCP so that nothing tidies their answers up.
import { createServer } from "node:net";

/**
 * @typedef {{ kind: "hang" }} Hang               accepts, reads, never answers
 * @typedef {{ kind: "drip", everyMs: number }} Drip  sends a 200's headers, then one byte of body per interval
 * @typedef {{ kind: "garbage" }} Garbage         answers bytes that are not HTTP
 * @typedef {{ kind: "answer", status: number, contentType?: string, body: string }} Answer  one whole HTTP answer
 * @param {Hang | Drip | Garbage | Answer} behaviour
 */
export async function startHostileEndpoint(behaviour) {
  const sockets = new Set();
  const timers = new Set();
  let requests = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let seen = "";
    socket.on("data", (chunk) => {
      seen += chunk.toString("latin1");
      // Answer once the request's headers are in (the body follows; it is not needed).
      if (!seen.includes("\r\n\r\n")) return;
      seen = "";
      requests++;
      respond(socket);
    });
  });

  function respond(socket) {
    if (behaviour.kind === "hang") return;
    if (behaviour.kind === "garbage") return socket.end("\x00\xffSSH-2.0-not-http\r\n\r\n");
    if (behaviour.kind === "drip") {
      socket.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 100000\r\n\r\n<");
      const timer = setInterval(() => socket.write("x"), behaviour.everyMs);
      timers.add(timer);
      socket.on("close", () => clearInterval(timer));
      return;
    }
    const body = Buffer.from(behaviour.body, "utf8");
    const type = behaviour.contentType === undefined ? "" : `Content-Type: ${behaviour.contentType}\r\n`;
    socket.write(`HTTP/1.1 ${behaviour.status} Whatever\r\n${type}Content-Length: ${body.length}\r\n\r\n`);
    socket.write(body);
  }

  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** How many requests reached it (a retry is one more). */
    get requests() {
      return requests;
    },
    close: () =>
      new Promise((done) => {
        for (const timer of timers) clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => done(undefined));
      }),
  };
}
