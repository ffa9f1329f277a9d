import { defineCommand, type OptionSpec } from "../../core/define.js";
import { sectionLines } from "../../output/print.js";
import { combined, deleteWithDependents } from "../../iam/dependents.js";
import { deleteOne, deleteRecursively, findDependents, operationsOf, type AnyRule, type FoundOf } from "../../iam/delete-rules.js";

/**
 * The delete commands with -r (or -c) and -p are one implementation: without -r, one delete; with
 * it, find what hangs off the entity, then print it (-p) or remove it all and delete the entity.
 * The entities differ only in what hangs off them and how each is listed and removed, which their
 * delete's entry in the table of delete rules (src/iam/delete-rules.ts) states.
 */

/** Section headers and their items, as the legacy `-r -p` output lists them. */
type Sections = [header: string, items: string[]][];

/** What each delete command module declares: its words, and the rule of its delete. */
export interface RecursiveDeleteCommand<R extends AnyRule> {
  name: `iam-${string}`;
  summary: string;
  /**
   * The delete's entry in the table of what blocks each delete: what to list, what to remove
   * first with which operations. The command declares the delete and all those operations.
   */
  rule: R;
  /** The option naming the entity, then recursive() and pretend(), whatever their letters. */
  options: readonly [entity: OptionSpec, recursive: OptionSpec<"recursive">, pretend: OptionSpec<"pretend">];
  euare?: boolean;
  /** The entity's name may be given bare, as euca2ools took it (`euare-userdel alice`). */
  positional?: boolean;
  check(flags: Flags): string | undefined;
  output: readonly string[];
  example: string;
  /** What -p prints of what was found. */
  sections(found: FoundOf<R>, id: string): Sections;
}

type Flags = { recursive?: boolean; pretend?: boolean };

/** Under -p, what would be removed; otherwise what was (for --json). */
type Result<Found> = { Pretend?: Found; Removed?: Found };

/** The sections shown only when they list something: those IAM added after the legacy tools. */
export const whenPresent = (sections: Sections): Sections => sections.filter(([, items]) => items.length > 0);

export function recursiveDeleteCommand<const R extends AnyRule>(command: RecursiveDeleteCommand<R>) {
  const { rule, sections, options } = command;
  // The entity's option gives a name or an ARN, and is required.
  const idOf = (opts: object) => (opts as Record<string, string>)[options[0].key];
  return defineCommand({
    name: command.name,
    summary: command.summary,
    operations: operationsOf(rule),
    euare: command.euare,
    positional: command.positional ? options[0].key : undefined,
    options,
    check: command.check,
    output: command.output,
    example: command.example,
    async run({ iam, debug }, opts): Promise<Result<FoundOf<R>>> {
      const id = idOf(opts);
      if (!opts.recursive) {
        await deleteOne(rule, iam, id);
        return {};
      }
      const findAll = () => findDependents(rule, iam, id, debug);
      if (opts.pretend) return { Pretend: await findAll() };
      // IAM may list a dependent created moments ago only later: deleteWithDependents lists again then.
      return { Removed: combined(await deleteWithDependents(findAll, (found) => deleteRecursively(rule, iam, id, found))) };
    },
    render: (result, opts) => (result.Pretend ? sectionLines(sections(result.Pretend, idOf(opts))) : []),
  });
}
