/** Colours a whole stderr line by its kind; the identity when colour is off. */
export type Paint = (line: string, kind: "error" | "warning") => string;

const plain: Paint = (line) => line;

/**
 * Colour only for a person at a terminal: never when stderr is piped, NO_COLOR is set (to anything
 * but the empty string) or TERM is dumb. stdout is never coloured, so piped results stay byte-stable.
 * chalk is loaded only in the coloured case.
 */
export async function painterFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Promise<Paint> {
  if (!stream.isTTY || env.NO_COLOR || env.TERM === "dumb") return plain;
  const { Chalk } = await import("chalk");
  const chalk = new Chalk({ level: 1 });
  return (line, kind) => (kind === "error" ? chalk.red(line) : chalk.yellow(line));
}
