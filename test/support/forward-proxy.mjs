// A loopback HTTP proxy as companies run them: plain-http requests are forwarded (absolute URI),
// https ones tunnelled with CONNECT. It records what passed through and can require Basic proxy
// credentials. With `inspect` it does what TLS-inspecting proxies do: it ends the tunnel's TLS
// itself with a certificate from its own CA, reads the request and answers it, so a test sees
// where a client meant to go (host, signature) without going anywhere.
import { createServer, request } from "node:http";
import { connect } from "node:net";
import { TLSSocket } from "node:tls";

/**
 * @typedef {{ kind: "forward" | "connect", target: string, proxyAuthorization?: string }} Passed
 * @typedef {{ host: string, authorization: string, body: string }} Inspected
 * @typedef {{ certPem: string, keyPem: string, answer: (body: string) => { status: number, contentType: string, body: string } }} Inspect
 * @param {{ credentials?: string, inspect?: Inspect }} options `credentials` is `user:password`.
 */
export async function startForwardProxy({ credentials, inspect } = {}) {
  /** @type {Inspected[]} */
  const inspected = [];
  /** @type {Passed[]} */
  const passed = [];
  /** Tunnels leave the HTTP server's hands: closed by hand at the end. */
  const tunnels = new Set();
  const expected = credentials && `Basic ${Buffer.from(credentials).toString("base64")}`;
  const allowed = (headers) => !expected || headers["proxy-authorization"] === expected;
  const server = createServer((req, res) => {
    passed.push({ kind: "forward", target: req.url, proxyAuthorization: req.headers["proxy-authorization"] });
    if (!allowed(req.headers)) {
      res.writeHead(407, { "Proxy-Authenticate": 'Basic realm="test"' }).end();
      return;
    }
    const { "proxy-authorization": _auth, "proxy-connection": _pc, ...headers } = req.headers;
    const upstream = request(req.url, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connect", (req, client, head) => {
    passed.push({ kind: "connect", target: req.url, proxyAuthorization: req.headers["proxy-authorization"] });
    if (!allowed(req.headers)) return client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
    tunnels.add(client);
    if (inspect) {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      inspector.emit("connection", new TLSSocket(client, { isServer: true, cert: inspect.certPem, key: inspect.keyPem }));
      return;
    }
    const [host, port] = req.url.split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host.replace(/^\[|\]$/g, ""), () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    client.on("close", () => upstream.destroy());
  });
  const inspector = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      inspected.push({ host: req.headers.host, authorization: req.headers.authorization ?? "", body });
      const answer = inspect.answer(body);
      res.writeHead(answer.status, { "Content-Type": answer.contentType }).end(answer.body);
    });
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    passed,
    inspected,
    close: () =>
      new Promise((done) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => done(undefined));
      }),
  };
}
