import { BlockList, isIP } from "node:net";
import { ConfigError } from "../core/errors.js";
import { redactUrl } from "./redact.js";

export interface Proxy {
  /** The proxy URL, credentials included: for the agent only, never for printing. */
  url: string;
  /** Where it came from, for `-d`. */
  source: string;
}

/** Lower case first, as Python's urllib (and so the aws CLI) reads them. */
const PROXY_VARIABLES = {
  "https:": ["https_proxy", "HTTPS_PROXY"],
  "http:": ["http_proxy", "HTTP_PROXY"],
} as const;

function parseProxyUrl(value: string, variable: string): string {
  // `proxy:3128` without a scheme is common in these variables; curl and urllib take it as http.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError(`invalid proxy URL "${redactUrl(value)}" from ${variable}: expected http://[user:password@]host:port`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`invalid proxy URL "${redactUrl(value)}" from ${variable}: the scheme must be http or https`);
  }
  return withScheme;
}

/** `host:port`, `[v6]:port` or a bare pattern (an unbracketed IPv6 address has no port). */
function splitPort(entry: string): [string, string | undefined] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return [bracketed[1], bracketed[2]];
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  return withPort ? [withPort[1], withPort[2]] : [entry, undefined];
}

/** An IP address inside a CIDR range such as 10.0.0.0/8 or fd00::/8. */
function inRange(host: string, range: string): boolean {
  const [network, bits] = range.split("/");
  const version = isIP(network);
  if (version === 0 || isIP(host) !== version || !/^\d+$/.test(bits)) return false;
  const family = version === 6 ? "ipv6" : "ipv4";
  const list = new BlockList();
  list.addSubnet(network, Number(bits), family);
  return list.check(host, family);
}

/** A NO_PROXY entry: `*`, a host or domain suffix (`corp`, `.corp`, `*.corp`), an IP or CIDR range; each may end in `:port`. */
function bypasses(entry: string, host: string, port: string): boolean {
  if (entry === "*") return true;
  const [pattern, onlyPort] = splitPort(entry);
  if (onlyPort !== undefined && onlyPort !== port) return false;
  if (pattern.includes("/")) return inRange(host, pattern);
  const name = pattern.replace(/^\*?\./, "").toLowerCase();
  return host === name || host.endsWith(`.${name}`);
}

/**
 * The proxy for an endpoint from the standard variables: HTTPS_PROXY for https endpoints,
 * HTTP_PROXY for http ones, unless NO_PROXY lists the host. Undefined means a direct connection.
 */
export function proxyFromEnvironment(endpoint: string, env: NodeJS.ProcessEnv): Proxy | undefined {
  const target = new URL(endpoint);
  const scheme = target.protocol as keyof typeof PROXY_VARIABLES;
  const variable = PROXY_VARIABLES[scheme].find((name) => env[name]);
  if (!variable) return undefined;
  const url = parseProxyUrl(env[variable]!, variable);
  const host = target.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = target.port || (scheme === "https:" ? "443" : "80");
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? "";
  const entries = noProxy.split(/[\s,]+/).filter(Boolean);
  if (entries.some((entry) => bypasses(entry, host, port))) return undefined;
  return { url, source: variable };
}
