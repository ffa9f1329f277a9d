import type { IAM } from "@aws-sdk/client-iam";
import { ConfigError, UsageError } from "../cli/errors.js";
import type { ClientConfig } from "./client-config.js";
import type { CredentialSource } from "./credentials.js";

/** Endpoint variables in the order they are consulted after --url. */
const ENDPOINT_VARIABLES = ["AWS_IAM_URL", "EUARE_URL", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL"] as const;

export interface Endpoint {
  url?: string;
  /** Which flag or variable set it, for `-d`. */
  source: string;
}

function checkUrl(value: string, source: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    const message = `invalid endpoint URL "${value}" from ${source}: expected http(s)://host[:port][/path]`;
    throw source === "--url" ? new UsageError(message) : new ConfigError(message);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    const message = `invalid endpoint URL "${value}" from ${source}: the scheme must be http or https`;
    throw source === "--url" ? new UsageError(message) : new ConfigError(message);
  }
  return value;
}

/** First match wins: --url, AWS_IAM_URL, EUARE_URL, AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL, SDK default. */
export function resolveEndpoint(url: string | undefined, env: NodeJS.ProcessEnv): Endpoint {
  if (url !== undefined) return { url: checkUrl(url, "--url"), source: "--url" };
  for (const name of ENDPOINT_VARIABLES) {
    const value = env[name];
    if (value) return { url: checkUrl(value, name), source: name };
  }
  return { source: "AWS SDK default" };
}

/** IAM is global: sign for us-east-1 unless told otherwise or the endpoint is in another partition. */
export function signingRegion(region: string | undefined, endpoint: Endpoint): string {
  if (region) return region;
  const host = endpoint.url ? new URL(endpoint.url).hostname : "";
  if (host.endsWith(".amazonaws.com.cn")) return "cn-north-1";
  if (host.includes("us-gov")) return "us-gov-west-1";
  return "us-east-1";
}

export interface ClientSettings {
  endpoint: Endpoint;
  region: string;
  credentials: CredentialSource;
  config: ClientConfig;
  debug?: (message: string) => void;
}

/** The SDK warns about Node 20 on stderr at client creation; iamkit supports Node 20 by design. */
function silenceNodeVersionWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
}

/** Creates the IAM client. The SDK is imported here, so help and usage errors never load it. */
export async function createIamClient(settings: ClientSettings): Promise<IAM> {
  silenceNodeVersionWarning();
  const { IAM } = await import("@aws-sdk/client-iam");
  const { requestHandler } = await import("./http.js").then((m) => m.httpOptions(settings.config));
  const client = new IAM({
    region: settings.region,
    endpoint: settings.endpoint.url,
    credentials: settings.credentials.credentials,
    maxAttempts: settings.config.maxAttempts,
    requestHandler,
  });
  if (settings.debug) addRequestLog(client, settings.debug);
  return client;
}

/** One `-d` line per HTTP attempt: action, status, duration. Never headers, bodies or signatures. */
function addRequestLog(client: IAM, log: (message: string) => void): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = String(context.commandName ?? "request").replace(/Command$/, "");
      const started = performance.now();
      const elapsed = () => `${Math.round(performance.now() - started)} ms`;
      try {
        const result = await next(args);
        const status = (result.response as { statusCode?: number }).statusCode;
        log(`${action} HTTP ${status} ${elapsed()}`);
        return result;
      } catch (err) {
        const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        log(`${action} ${status ? `HTTP ${status}` : "failed"} ${elapsed()}`);
        throw err;
      }
    },
    { step: "deserialize", name: "iamkitRequestLog", priority: "low" },
  );
}
