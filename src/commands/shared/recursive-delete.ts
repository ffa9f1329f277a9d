import { defineCommand, type OptionSpec } from "../../core/define.js";
import type { IamClient, Operation } from "../../core/operations.js";
import { sectionLines } from "../../output/print.js";
import { combined, deleteWithDependents } from "../../iam/dependents.js";

/**
 * The delete commands with -r (or -c) and -p are one implementation: without -r, one delete; with
 * it, find what hangs off the entity, then print it (-p) or remove it all and delete the entity.
 * The entities differ only in how each step is done, which the domain layer knows.
 */

/** Section headers and their items, as the legacy `-r -p` output lists them. */
type Sections = [header: string, items: string[]][];

/** What each delete command module declares. */
export interface RecursiveDeleteCommand<Op extends Operation, Found extends object> {
  name: `iam-${string}`;
  summary: string;
  /** Every action of the plain delete, the look-ups and the removals; the steps below may use only these. */
  operations: readonly Op[];
  /** The option naming the entity, then recursive() and pretend(), whatever their letters. */
  options: readonly [entity: OptionSpec, recursive: OptionSpec<"recursive">, pretend: OptionSpec<"pretend">];
  euare?: boolean;
  /** The entity's name may be given bare, as euca2ools took it (`euare-userdel alice`). */
  positional?: boolean;
  check(flags: Flags): string | undefined;
  output: readonly string[];
  example: string;
  /** The delete alone, as without -r. */
  deleteOne(iam: IamClient<Op>, id: string): Promise<unknown>;
  /** Everything that has to go first (and that -p prints). */
  find(iam: IamClient<Op>, id: string, debug: (message: string) => void): Promise<Found>;
  /** Removes what `find` found, then the entity. */
  deleteWith(iam: IamClient<Op>, id: string, found: Found): Promise<void>;
  /** What -p prints of what was found. */
  sections(found: Found, id: string): Sections;
}

type Flags = { recursive?: boolean; pretend?: boolean };

/** Under -p, what would be removed; otherwise what was (for --json). */
type Result<Found> = { Pretend?: Found; Removed?: Found };

export function recursiveDeleteCommand<const Op extends Operation, Found extends object>(command: RecursiveDeleteCommand<Op, Found>) {
  const { deleteOne, find, deleteWith, sections, options } = command;
  // The entity's option gives a name or an ARN, and is required.
  const idOf = (opts: object) => (opts as Record<string, string>)[options[0].key];
  return defineCommand({
    name: command.name,
    summary: command.summary,
    operations: command.operations,
    euare: command.euare,
    positional: command.positional ? options[0].key : undefined,
    options,
    check: command.check,
    output: command.output,
    example: command.example,
    async run({ iam, debug }, opts): Promise<Result<Found>> {
      const id = idOf(opts);
      if (!opts.recursive) {
        await deleteOne(iam, id);
        return {};
      }
      const findAll = () => find(iam, id, debug);
      if (opts.pretend) return { Pretend: await findAll() };
      // IAM may list a dependent created moments ago only later: deleteWithDependents lists again then.
      return { Removed: combined(await deleteWithDependents(findAll, (found) => deleteWith(iam, id, found))) };
    },
    render: (result, opts) => (result.Pretend ? sectionLines(sections(result.Pretend, idOf(opts))) : []),
  });
}
