// A static import lets the bundler keep only the HTTP/1 handler: the whole package would also
// evaluate its HTTP/2 handler, which loads node:http2 (and cannot be in a start-up snapshot).
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { ClientConfig } from "./client-config.js";
import type { CaBundle } from "./ca-bundle.js";
import { DeadlineHandler, type CommandDeadline } from "./deadline-handler.js";
import { proxyFromEnvironment, type Proxy } from "./proxy.js";

export interface HttpSettings {
  config: ClientConfig;
  /** The URL requests go to: it decides the proxy variable and NO_PROXY. */
  endpoint: string;
  env: NodeJS.ProcessEnv;
  caBundle?: CaBundle;
  deadline?: CommandDeadline;
  /** SIGINT or SIGTERM: cuts off requests in flight. */
  interrupt?: AbortSignal;
  /** Told when a request has had no answer for SLOW_NOTICE_MS. */
  onSlow?: (message: string) => void;
}

/** A request unanswered this long is worth a line without -d: the user sees why nothing happens. */
export const SLOW_NOTICE_MS = 4_000;

/**
 * The client config file's ProxyHost/ProxyPort win over the environment, and tunnel every request
 * with CONNECT as they always have; otherwise HTTPS_PROXY, HTTP_PROXY and NO_PROXY decide.
 */
export function chooseProxy(endpoint: string, config: ClientConfig, env: NodeJS.ProcessEnv): (Proxy & { tunnel: boolean }) | undefined {
  if (config.proxyHost) return { url: `http://${config.proxyHost}:${config.proxyPort}`, source: "client config file", tunnel: true };
  const proxy = proxyFromEnvironment(endpoint, env);
  return proxy && { ...proxy, tunnel: new URL(endpoint).protocol === "https:" };
}

/** The agents for the SDK's Node handler; the proxy agents are loaded only when a proxy is used. */
async function agents(settings: HttpSettings) {
  const tls = settings.caBundle ? { ca: settings.caBundle.ca } : {};
  const proxy = chooseProxy(settings.endpoint, settings.config, settings.env);
  if (!proxy) return { httpsAgent: tls };
  if (proxy.tunnel) {
    const { HttpsProxyAgent } = await import("https-proxy-agent");
    // The agent gives its TLS options to the proxy connection only; the endpoint's needs them too.
    class TunnelAgent extends HttpsProxyAgent<string> {
      override connect(...[req, opts]: Parameters<InstanceType<typeof HttpsProxyAgent>["connect"]>) {
        return super.connect(req, { ...opts, ...tls });
      }
    }
    const agent = new TunnelAgent(proxy.url, { keepAlive: true, ...tls });
    return { httpAgent: agent, httpsAgent: agent };
  }
  // A plain-http endpoint goes through an HTTP proxy as a forwarded request, as curl and the aws CLI send it.
  const { HttpProxyAgent } = await import("http-proxy-agent");
  return { httpAgent: new HttpProxyAgent(proxy.url, { keepAlive: true }), httpsAgent: tls };
}

/** The request handler for IAM and STS clients: timeouts, proxy, extra CAs, and a whole-answer deadline. */
export async function createRequestHandler(settings: HttpSettings): Promise<DeadlineHandler> {
  const { config } = settings;
  const inner = new NodeHttpHandler({
    connectionTimeout: config.connectionTimeout,
    requestTimeout: config.requestTimeout,
    // Without it the handler only logs a warning on console and waits on.
    throwOnRequestTimeout: true,
    ...(await agents(settings)),
  });
  const { onSlow } = settings;
  const slow = onSlow && {
    afterMs: SLOW_NOTICE_MS,
    notify: (action: string, ms: number) =>
      onSlow(
        `no answer to ${action} yet after ${ms / 1000} s; waiting up to ${config.requestTimeout / 1000} s per attempt, ` +
          `${config.maxAttempts} attempt${config.maxAttempts === 1 ? "" : "s"}`,
      ),
  };
  return new DeadlineHandler(inner, config.requestTimeout, settings.deadline, settings.interrupt, slow);
}
