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

/**
 * An IP address inside a CIDR range such as 10.0.0.0/8 or fd00::/8. A range that is not one (a
 * prefix longer than the address, a network that is not an address) is a configuration error
 * naming `entry` and `variable`.
 */
function inRange(host: string, range: string, entry: string, variable: string): boolean {
  const [network, bits, extra] = range.split("/");
  const version = isIP(network);
  const maxBits = version === 6 ? 128 : 32;
  if (version === 0 || extra !== undefined || !/^\d{1,3}$/.test(bits) || Number(bits) > maxBits) {
    throw new ConfigError(`${variable} entry "${entry}" is not an address range: expected an IP address, "/" and 0 to ${maxBits}`);
  }
  if (isIP(host) !== version) return false;
  const family = version === 6 ? "ipv6" : "ipv4";
  const list = new BlockList();
  list.addSubnet(network, Number(bits), family);
  return list.check(host, family);
}

/** A NO_PROXY entry: `*`, a host or domain suffix (`corp`, `.corp`, `*.corp`), an IP or CIDR range; each may end in `:port`. */
function bypasses(entry: string, host: string, port: string, variable: string): boolean {
  if (entry === "*") return true;
  const [pattern, onlyPort] = splitPort(entry);
  if (onlyPort !== undefined && onlyPort !== port) return false;
  if (pattern.includes("/")) return inRange(host, pattern, entry, variable);
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
  const noProxyVariable = env.no_proxy !== undefined ? "no_proxy" : "NO_PROXY";
  const entries = (env[noProxyVariable] ?? "").split(/[\s,]+/).filter(Boolean);
  // Every entry is checked, so that a mistake shows whatever the endpoint.
  if (entries.map((entry) => bypasses(entry, host, port, noProxyVariable)).some(Boolean)) return undefined;
  return { url, source: variable };
}
