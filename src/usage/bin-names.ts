import type { CommandSpec } from "../core/define.js";

/** `euare-<name>` for a command euca2ools also had. */
export function euareName(spec: CommandSpec<any, any>): string | undefined {
  return spec.euare ? spec.name.replace(/^iam-/, "euare-") : undefined;
}

/** Every installed command name: the iam- names, then the euare- aliases. */
export function binNames(specs: readonly CommandSpec<any, any>[]): string[] {
  return [...specs.map((s) => s.name), ...specs.flatMap((s) => euareName(s) ?? [])];
}
