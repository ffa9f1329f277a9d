import type { IAM } from "@aws-sdk/client-iam";
import type { STS } from "@aws-sdk/client-sts";
import { ACTION, ConfigError, UsageError } from "../core/errors.js";
import type { PlannedStep } from "../core/context.js";
import { isReadOnly } from "../core/dry-run.js";
import type { ClientConfig } from "./client-config.js";
import type { CredentialSource } from "./credentials.js";
import { iamRetryStrategy } from "./retry.js";
import type { RetryStrategyV2 } from "@smithy/types";
import type { CaBundle } from "./ca-bundle.js";
import type { CommandDeadline, DeadlineHandler } from "./deadline-handler.js";
import { checkIamAnswers, unparsable } from "./answer-check.js";
import { partitionOfHost, partitionOfRegion, type Region } from "./partition.js";
import { redactUrl } from "./redact.js";
import { waitForNewEntities, type PropagationSettings } from "./propagation.js";
import { planThroughService } from "./plan-link.js";

/** Endpoint variables in the order they are consulted after --url. */
const ENDPOINT_VARIABLES = ["AWS_IAM_URL", "EUARE_URL", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL"] as const;

export interface Endpoint {
  url: string;
  /** Which flag or variable set it, or which partition it belongs to, for `-d`. */
  source: string;
  /** The region requests to it are signed for. */
  signingRegion: string;
}

function checkUrl(value: string, source: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    const message = `invalid endpoint URL "${redactUrl(value)}" from ${source}: expected http(s)://host[:port][/path]`;
    throw source === "--url" ? new UsageError(message) : new ConfigError(message);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    const message = `invalid endpoint URL "${redactUrl(value)}" from ${source}: the scheme must be http or https`;
    throw source === "--url" ? new UsageError(message) : new ConfigError(message);
  }
  return value;
}

/**
 * First match wins: --url, AWS_IAM_URL, EUARE_URL, AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL, then
 * the global IAM endpoint of the region's partition. IAM accepts only its partition's signing
 * region, so an AWS endpoint is signed for that; any other endpoint (an emulator, a private
 * cloud) for the region the chain found.
 */
export function resolveEndpoint(url: string | undefined, env: NodeJS.ProcessEnv, region: Region): Endpoint {
  const name = url !== undefined ? "--url" : ENDPOINT_VARIABLES.find((variable) => env[variable]);
  if (name) {
    const value = checkUrl(url ?? env[name]!, name);
    const partition = partitionOfHost(new URL(value).hostname);
    return { url: value, source: name, signingRegion: partition?.signingRegion ?? region.name };
  }
  const partition = partitionOfRegion(region.name);
  return {
    url: partition.iamEndpoint,
    source: `partition ${partition.name} of region ${region.name} from ${region.source}`,
    signingRegion: partition.signingRegion,
  };
}

/**
 * STS for checking that a new key authenticates: AWS_ENDPOINT_URL_STS, else the IAM endpoint when
 * it is not AWS itself (a local emulator such as moto serves both on one port, while AWS has
 * separate STS hosts), else the regional STS host of IAM's partition and signing region.
 */
export function resolveStsEndpoint(iam: Endpoint, env: NodeJS.ProcessEnv): Endpoint {
  const own = env.AWS_ENDPOINT_URL_STS;
  if (own) return { url: checkUrl(own, "AWS_ENDPOINT_URL_STS"), source: "AWS_ENDPOINT_URL_STS", signingRegion: iam.signingRegion };
  const partition = partitionOfHost(new URL(iam.url).hostname);
  if (!partition) return { ...iam, source: `${iam.source}, shared with IAM` };
  const url = `https://sts.${iam.signingRegion}.${partition.dnsSuffix}`;
  return { url, source: `partition ${partition.name}`, signingRegion: iam.signingRegion };
}

export interface ClientSettings {
  endpoint: Endpoint;
  credentials: CredentialSource;
  config: ClientConfig;
  /** The command's environment: proxy variables. */
  env: NodeJS.ProcessEnv;
  caBundle?: CaBundle;
  deadline?: CommandDeadline;
  debug?: (message: string) => void;
  /** Told when a timed-out or throttled request is about to be sent again. */
  onRetry?: (message: string) => void;
  /** Told when a request has had no answer for a few seconds. */
  onSlow?: (message: string) => void;
  /** SIGINT or SIGTERM: refuses new requests (but a cleanup's) and cuts off those in flight. */
  interrupt?: AbortSignal;
  /** --dry-run: changing actions are recorded here and not sent. */
  planned?: PlannedStep[];
  /** Waiting for entities this machine just created (IAM only). */
  propagation?: PropagationSettings;
  /** `iamkit plan`: the plan service's socket, which every IAM request is put to first, and the step's changes. */
  plan?: { socket: string; changes: PlannedStep[] };
}

/** The SDK warns about Node 20 on stderr at client creation; iamkit supports Node 20 by design. */
function silenceNodeVersionWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
}

/** Creates the IAM client. The SDK is imported here, so help and usage errors never load it. */
export async function createIamClient(settings: ClientSettings): Promise<IAM> {
  const { IAM } = await import("@aws-sdk/client-iam");
  const client = await configure(IAM, settings);
  if (settings.propagation) waitForNewEntities(client, settings.propagation, Boolean(settings.planned));
  if (settings.plan) planThroughService(client, settings.plan.socket, settings.plan.changes);
  return client;
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
  requestHandler: DeadlineHandler;
}) => C;

async function configure<C extends IAM | STS>(Client: ClientClass<C>, settings: ClientSettings): Promise<C> {
  silenceNodeVersionWarning();
  const { createRequestHandler } = await import("./http.js");
  const { endpoint, config } = settings;
  const client = new Client({
    region: endpoint.signingRegion,
    endpoint: endpoint.url,
    credentials: settings.credentials.credentials,
    retryStrategy: await iamRetryStrategy(config, settings),
    // The strategy enforces the attempts; the SDK reads this for its amz-sdk-request header only.
    maxAttempts: config.maxAttempts,
    requestHandler: await createRequestHandler({ ...settings, endpoint: endpoint.url }),
  });
  observeAttempts(client, settings.debug);
  checkIamAnswers(client);
  if (settings.planned) holdBackChanges(client, settings.planned);
  return client;
}

/**
 * Wraps every HTTP attempt, inside the retry loop and around the response parser: names the
 * action on a failed attempt's error (the retry strategy reads it), reports a parse failure as
 * an answer that is not IAM's and, with -d, logs one line per attempt: action, status, duration.
 * Never headers, bodies or signatures.
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
      } catch (caught) {
        const err = unparsable(caught) ?? caught;
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
