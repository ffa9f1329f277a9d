import type { ClientConfig } from "./client-config.js";

/**
 * HTTP settings for the SDK's Node handler: timeouts, and a CONNECT proxy when the client config
 * names one. The proxy agent is loaded only then, so ordinary runs pay nothing for it.
 */
export async function httpOptions(config: ClientConfig) {
  // Without throwOnRequestTimeout the handler only logs a warning on console and waits on.
  const base = {
    connectionTimeout: config.connectionTimeout,
    requestTimeout: config.requestTimeout,
    throwOnRequestTimeout: true,
  };
  if (!config.proxyHost) return { requestHandler: base };
  const { HttpsProxyAgent } = await import("https-proxy-agent");
  const agent = new HttpsProxyAgent(`http://${config.proxyHost}:${config.proxyPort}`);
  return { requestHandler: { ...base, httpAgent: agent, httpsAgent: agent } };
}
