import type { GetServiceLastAccessedDetailsResponse, ServiceLastAccessed } from "@aws-sdk/client-iam";
import type { IamClient } from "../core/operations.js";
import { items } from "./paginate.js";
import { pollWithBackoff } from "./polling.js";

/**
 * Access advisor: which services an entity's permissions reach, and when each was last used.
 * IAM builds the report as a job; iamkit starts it, waits for it and reads every page.
 */

/** Most reports are ready in seconds; past this, running the command again later is the better advice. */
export const JOB_TIMEOUT_SECONDS = 300;

/** The services last accessed by the user, group, role or managed policy `arn`. */
export async function lastAccessedServices(
  iam: IamClient<"GenerateServiceLastAccessedDetails" | "GetServiceLastAccessedDetails">,
  arn: string,
  debug: (message: string) => void,
): Promise<AsyncIterable<ServiceLastAccessed>> {
  const { JobId } = await iam.generateServiceLastAccessedDetails({ Arn: arn });
  const first = await pollWithBackoff<GetServiceLastAccessedDetailsResponse>(async () => {
    const page = await iam.getServiceLastAccessedDetails({ JobId });
    debug(`access advisor job ${JobId}: ${page.JobStatus}`);
    return page.JobStatus === "IN_PROGRESS" ? undefined : page;
  }, JOB_TIMEOUT_SECONDS * 1000);
  if (!first) throw new Error(`IAM had not finished the access advisor report on ${arn} after ${JOB_TIMEOUT_SECONDS} s; try again later`);
  if (first.JobStatus === "FAILED") throw new Error(`IAM could not build the access advisor report on ${arn}: ${first.Error?.Message ?? "the job failed"}`);
  // The first page is the one the wait ended on; later pages follow its marker.
  return items(
    (Marker) => (Marker === undefined ? Promise.resolve(first) : iam.getServiceLastAccessedDetails({ JobId, Marker })),
    (page) => page.ServicesLastAccessed,
  );
}
