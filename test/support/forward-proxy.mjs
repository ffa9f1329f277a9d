// A loopback HTTP proxy as companies run them: plain-http requests are forwarded (absolute URI),
// https ones tunnelled with CONNECT. It records what passed through and can require Basic proxy
// credentials. With `divert` every tunnel ends at that address instead of the host the client
// named: with the loopback proxy there, serving a certificate for AWS's hosts from a test CA, a
// test sees where a client meant to go (host, signature) without going anywhere.
// It cannot be the loopback proxy, which stands in for an endpoint (the client's endpoint URL, one
// upstream): this is what the client is told to go through (HTTP_PROXY, ProxyHost), so it speaks
// the proxy side of HTTP, absolute-URI requests and CONNECT to whatever host the client names,
// and that is what the tests of proxy settings check.
import { createServer, request } from "node:http";
import { connect } from "node:net";

/**
 * @typedef {{ kind: "forward" | "connect", target: string, proxyAuthorization?: string }} Passed
 * @param {{ credentials?: string, divert?: string }} options `credentials` is `user:password`;
 * `divert` is a URL whose host and port every tunnel connects to.
 */
export async function startForwardProxy({ credentials, divert } = {}) {
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
    const [host, port] = divert ? [new URL(divert).hostname, new URL(divert).port] : req.url.split(/:(?=\d+$)/);
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
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    passed,
    close: () =>
      new Promise((done) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => done(undefined));
      }),
  };
}
