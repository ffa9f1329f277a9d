import type { IAM } from "@aws-sdk/client-iam";
import type { STS } from "@aws-sdk/client-sts";
import { ACTION, ConfigError, UsageError } from "../cli/errors.js";
import { isReadOnly, type PlannedStep } from "../cli/dry-run.js";
import type { ClientConfig } from "./client-config.js";
import type { CredentialSource } from "./credentials.js";
import { iamRetryStrategy } from "./retry.js";
import type { RetryStrategyV2 } from "@smithy/types";
import type { httpOptions } from "./http.js";

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

/**
 * STS for checking that a new key authenticates: AWS_ENDPOINT_URL_STS, else the IAM endpoint when
 * one was set and is not AWS itself (a local emulator such as moto serves both on one port, while
 * AWS has separate STS hosts), else the SDK default for the region.
 */
export function resolveStsEndpoint(iam: Endpoint, env: NodeJS.ProcessEnv): Endpoint {
  const own = env.AWS_ENDPOINT_URL_STS;
  if (own) return { url: checkUrl(own, "AWS_ENDPOINT_URL_STS"), source: "AWS_ENDPOINT_URL_STS" };
  if (iam.url && !/\.amazonaws\.com(\.cn)?$/.test(new URL(iam.url).hostname)) {
    return { url: iam.url, source: `${iam.source}, shared with IAM` };
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
  /** --dry-run: changing actions are recorded here and not sent. */
  planned?: PlannedStep[];
}

/** The SDK warns about Node 20 on stderr at client creation; iamkit supports Node 20 by design. */
function silenceNodeVersionWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
}

/** Creates the IAM client. The SDK is imported here, so help and usage errors never load it. */
export async function createIamClient(settings: ClientSettings): Promise<IAM> {
  const { IAM } = await import("@aws-sdk/client-iam");
  return configure(IAM, settings);
}

/** Creates an STS client with IAM's settings; only commands that verify keys load this SDK client. */
export async function createStsClient(settings: ClientSettings): Promise<STS> {
  const { STS } = await import("@aws-sdk/client-sts");
  return configure(STS, settings);
}

/** The constructor settings IAM and STS clients share. */
type ClientClass<C> = new (config: {
  region: string;
  endpoint?: string;
  credentials: CredentialSource["credentials"];
  retryStrategy: RetryStrategyV2;
  maxAttempts: number;
  requestHandler: Awaited<ReturnType<typeof httpOptions>>["requestHandler"];
}) => C;

async function configure<C extends IAM | STS>(Client: ClientClass<C>, settings: ClientSettings): Promise<C> {
  silenceNodeVersionWarning();
  const { requestHandler } = await import("./http.js").then((m) => m.httpOptions(settings.config));
  const client = new Client({
    region: settings.region,
    endpoint: settings.endpoint.url,
    credentials: settings.credentials.credentials,
    retryStrategy: await iamRetryStrategy(settings.config),
    // The strategy enforces the attempts; the SDK reads this for its amz-sdk-request header only.
    maxAttempts: settings.config.maxAttempts,
    requestHandler,
  });
  observeAttempts(client, settings.debug);
  if (settings.planned) holdBackChanges(client, settings.planned);
  return client;
}

/**
 * Wraps every HTTP attempt, inside the retry loop and around the response parser: names the
 * action on a failed attempt's error (the retry strategy reads it) and, with -d, logs one line per
 * attempt: action, status, duration. Never headers, bodies or signatures.
 */
function observeAttempts(client: IAM | STS, log?: (message: string) => void): void {
  (client.middlewareStack as IAM["middlewareStack"]).add(
    (next, context) => async (args) => {
      const action = String(context.commandName ?? "request").replace(/Command$/, "");
      const started = performance.now();
      const elapsed = () => `${Math.round(performance.now() - started)} ms`;
      try {
        const result = await next(args);
        const status = (result.response as { statusCode?: number }).statusCode;
        log?.(`${action} HTTP ${status} ${elapsed()}`);
        return result;
      } catch (err) {
        const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        log?.(`${action} ${status ? `HTTP ${status}` : "failed"} ${elapsed()}`);
        if (err && typeof err === "object") (err as { [ACTION]?: string })[ACTION] = action;
        throw err;
      }
    },
    { step: "deserialize", name: "iamkitAttempts", priority: "high" },
  );
}

/**
 * --dry-run: a changing action is recorded with its parameters and answered with an empty result
 * without being sent; reads go through, so the plan reflects the account as it is.
 */
function holdBackChanges(client: IAM | STS, planned: PlannedStep[]): void {
  (client.middlewareStack as IAM["middlewareStack"]).add(
    (next, context) => async (args) => {
      const action = String(context.commandName ?? "").replace(/Command$/, "");
      if (isReadOnly(action)) return next(args);
      planned.push({ Action: action, Input: { ...(args.input as Record<string, unknown>) } });
      return { output: { $metadata: {} }, response: {} } as Awaited<ReturnType<typeof next>>;
    },
    { step: "initialize", name: "iamkitDryRun", priority: "high" },
  );
}
