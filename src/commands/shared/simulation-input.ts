import type { Context } from "../../core/context.js";
import { optionGroup, type OptionsOf } from "../../core/define.js";
import { UsageError } from "../../core/errors.js";

/**
 * What the policy-simulation commands evaluate: the policies of a user, group or role in the
 * account (--principal ARN, the Principal form of IAM's API), or policy documents given in files
 * (-f, the Custom form).
 */

/** The parsed simulationInput() options. */
export type SimulationInput = OptionsOf<ReturnType<typeof simulationInput>>;

const PRINCIPAL_ARN = /^arn:aws[\w-]*:iam::\d{12}:(user|group|role)\/([\x21-\x7e]*\/)?[\w+=,.@-]{1,128}$/;

export const simulationInput = () => optionGroup([
  {
    key: "principal",
    long: "principal",
    metavar: "ARN",
    description: "evaluate the policies of this user, group or role (a user's include its groups')",
    parse: (raw: string) => {
      if (!PRINCIPAL_ARN.test(raw)) throw new UsageError(`invalid principal "${raw}": expected the ARN of a user, group or role`);
      return raw;
    },
  },
  {
    key: "policyFiles",
    short: "f",
    long: "policy-document",
    metavar: "POLICYDOCUMENTFILE",
    description: "evaluate this policy document instead (repeatable; - reads standard input)",
    repeatable: true,
  },
]);

/** The cross-option rule for simulationInput(): a principal or policy files, not both. */
export function onePolicySubject({ principal, policyFiles }: SimulationInput): string | undefined {
  if (principal !== undefined && policyFiles !== undefined) return "give --principal ARN or -f FILE, not both";
  if (principal === undefined && policyFiles === undefined) return "name what to evaluate: --principal ARN or -f FILE";
  return undefined;
}

/** The documents named by -f, each checked to be JSON before anything is sent. */
export async function readPolicyInputs(ctx: Context, files: string[]): Promise<string[]> {
  return Promise.all(
    files.map(async (file) => {
      const text = await ctx.readText(file, "policy document");
      try {
        JSON.parse(text);
      } catch (err) {
        throw new UsageError(`policy document ${file} is not valid JSON (${(err as Error).message})`);
      }
      return text;
    }),
  );
}
