import type { OptionSpec } from "../../core/define.js";

/**
 * What a module of a family that differs only in the entity declares (tags, attached policies,
 * permissions boundaries): the rest follows from the kind of entity.
 */
export interface EntityCommand<Kind extends string> {
  name: `iam-${string}`;
  kind: Kind;
  /** The option that names the entity (-u, -g, -r, -a, -s). */
  entity: OptionSpec;
  example: string;
}

/** The entity's name or ARN, from whichever option the command names it with. */
export const entityOf = (entity: OptionSpec, opts: Record<string, unknown>) => opts[entity.key] as string;
