// A loopback HTTP proxy in front of an IAM endpoint (moto), shared by the test harness (request
// capture, stubs, injected faults, endpoints that misbehave, HTTPS with a test CA's certificate)
// and the benchmarks (added latency). Plain JavaScript so that bench scripts run it with node
// directly. It listens on 127.0.0.1 only.
import { createServer, request } from "node:http";
import { createServer as createTlsServer } from "node:https";

/**
 * @typedef {{ method: string, path: string, headers: Record<string, string>, body: string, params: Record<string, string> }} CapturedRequest
 * @typedef {{ status: number, body: string, headers?: Record<string, string | undefined> }} Answer
 * An answer is text/xml unless its headers say otherwise; a header set to undefined is left out.
 * @typedef {"reset" | "stall" | "garbage" | { drip: number } | Answer} Fault
 * "stall" reads the request and never answers; "garbage" answers bytes that are not HTTP; `drip`
 * sends a 200's headers, then one byte of body every `drip` milliseconds.
 * @typedef {undefined | "forward" | Fault | { afterForward: Fault }} Verdict
 * `afterForward` sends the request on and then loses upstream's answer: the endpoint acted, the
 * client never hears of it (the case where retrying a create is unsafe).
 * @typedef {{ status: number, headers: Record<string, string | string[] | undefined>, body: string }} UpstreamAnswer
 * @param {{
 *   upstream: string,
 *   delayMs?: number,
 *   decide?: (req: CapturedRequest, seq: number) => Verdict | Promise<Verdict>,
 *   respond?: (req: CapturedRequest, answer: UpstreamAnswer) => Answer | undefined | Promise<Answer | undefined>,
 *   tls?: { certPem: string, keyPem: string },
 * }} options
 * `seq` is the request's index in `requests`: a retry arrives as a new request with a new number.
 * `decide` may answer for upstream (or inject a fault); `respond`, when given, sees upstream's whole
 * answer and may replace it (undefined passes it on unchanged). With `tls` it is an HTTPS endpoint
 * presenting that certificate.
 */
export async function startLoopbackProxy({ upstream, delayMs = 0, decide = () => undefined, respond, tls }) {
  /** @type {CapturedRequest[]} */
  const requests = [];
  const stalled = new Set();
  const drips = new Set();
  const handle = (req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const text = body.toString("utf8");
      const captured = {
        method: req.method,
        path: req.url,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: text,
        params: Object.fromEntries(new URLSearchParams(text)),
      };
      const seq = requests.push(captured) - 1;
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      /** Ends the exchange with a fault or a made-up answer. @param {Fault} fault */
      const inject = (fault) => {
        if (fault === "reset") return req.socket.destroy();
        if (fault === "stall") return stalled.add(res);
        // Written to the socket itself, so that nothing tidies the bytes up into HTTP.
        if (fault === "garbage") return req.socket.end("\x00\xffSSH-2.0-not-http\r\n\r\n");
        if ("drip" in fault) {
          res.writeHead(200, { "Content-Type": "text/xml", "Content-Length": "100000" }).write("<");
          const timer = setInterval(() => res.write("x"), fault.drip);
          drips.add(timer);
          return res.on("close", () => clearInterval(timer));
        }
        const headers = Object.entries({ "Content-Type": "text/xml", ...fault.headers }).filter(([, value]) => value !== undefined);
        res.writeHead(fault.status, Object.fromEntries(headers));
        res.end(fault.body);
      };
      let verdict;
      try {
        verdict = await decide(captured, seq);
      } catch (err) {
        verdict = { status: 500, body: iamError("InternalFailure", `loopback proxy: ${err.message}`, "Receiver") };
      }
      const lost = verdict && typeof verdict === "object" && "afterForward" in verdict ? verdict.afterForward : undefined;
      if (verdict && verdict !== "forward" && !lost) return inject(verdict);
      const up = request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        if (!lost && !respond) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          return answer.pipe(res);
        }
        if (!lost) return rewrite(answer);
        answer.resume();
        answer.on("end", () => inject(lost));
      });
      /** Buffers upstream's answer so that `respond` can read it whole, and sends what it decides. */
      const rewrite = (answer) => {
        const parts = [];
        answer.on("data", (c) => parts.push(c));
        answer.on("end", async () => {
          const body = Buffer.concat(parts).toString("utf8");
          const status = answer.statusCode ?? 502;
          let replaced;
          try {
            replaced = await respond(captured, { status, headers: answer.headers, body });
          } catch (err) {
            replaced = { status: 500, body: iamError("InternalFailure", `loopback proxy: ${err.message}`, "Receiver") };
          }
          if (replaced) return inject(replaced);
          const headers = { ...answer.headers };
          delete headers["content-length"];
          delete headers["transfer-encoding"];
          res.writeHead(status, headers);
          res.end(body);
        });
      };
      up.on("error", () => req.socket.destroy());
      up.end(body);
    });
  };
  const server = tls ? createTlsServer({ cert: tls.certPem, key: tls.keyPem }, handle) : createServer(handle);
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${server.address().port}`,
    requests,
    close: () =>
      new Promise((done) => {
        for (const timer of drips) clearInterval(timer);
        for (const res of stalled) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => done(undefined));
      }),
  };
}

/** An IAM error document, as IAM sends it. */
export function iamError(code, message, type = "Sender", requestId = "loopback-proxy") {
  return (
    `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${type}</Type>` +
    `<Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

/** Text made safe for an XML element. */
export function escapeXml(text) {
  return String(text).replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An empty success document for an action (enough for actions whose result iamkit does not read). */
export function emptySuccess(action) {
  return (
    `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">` +
    `<ResponseMetadata><RequestId>loopback-proxy</RequestId></ResponseMetadata></${action}Response>`
  );
}
