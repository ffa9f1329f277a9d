import { NOUNS } from "./nouns.js";

/** `iam-userdel` -> `user/iam-userdel`: the module path below src/commands (dist/commands). */
export function commandModulePath(name: string): string | undefined {
  const match = /^iam-([a-z]+)$/.exec(name);
  const noun = match && NOUNS.find((n) => match[1].startsWith(n));
  return noun ? `${noun}/${name}` : undefined;
}
