import type { CommandSpec } from "./define.js";

/** Set by `iamkit plan` for the runbook it runs: the plan service's socket, which commands then plan through. */
export const PLAN_SOCKET = "IAMKIT_PLAN_SOCKET";

/** A command line as a plan's summary shows it: the values of secret options (passwords) hidden. */
export function shownCommandLine(spec: CommandSpec<any, any>, prog: string, argv: string[]): string {
  const secret = new Set(spec.options.filter((o) => o.secret).flatMap((o) => [...(o.short ? [`-${o.short}`] : []), `--${o.long}`]));
  const shown = argv.map((token, i) => {
    if (secret.has(argv[i - 1] ?? "")) return "(hidden)";
    const flag = /^(--[\w-]+)=/.exec(token)?.[1];
    if (flag && secret.has(flag)) return `${flag}=(hidden)`;
    return /^[\w@%+=:,./-]+$/.test(token) ? token : `'${token.replace(/'/g, `'\\''`)}'`;
  });
  return [prog, ...shown].join(" ");
}
