import type { CommandSpec, OptionSpec } from "../cli/define.js";
import { commandOptions } from "../cli/dry-run.js";
import { GLOBAL_OPTIONS } from "../cli/global-options.js";
import { binNames, euareName } from "./artifacts.js";

/** Every spelling of an option a user can type. */
function spellings(option: OptionSpec): string[] {
  return [...(option.short ? [`-${option.short}`] : []), `--${option.long}`, ...(option.aliases ?? [])];
}

/**
 * The bash `case` arm for one command: after an option with a fixed set of values, those values;
 * otherwise the command's options and the common ones.
 */
function caseArm(spec: CommandSpec<any, any>): string {
  const names = [spec.name, euareName(spec)].filter(Boolean).join("|");
  const options = commandOptions(spec);
  const values = options
    .filter((o) => o.choices)
    .map((o) => `        ${spellings(o).join("|")}) echo "${o.choices!.join(" ")}"; return ;;`);
  return [
    `    ${names})`,
    ...(values.length ? ['      case "$2" in', ...values, "      esac"] : []),
    `      echo "${options.flatMap(spellings).join(" ")} $_iamkit_common" ;;`,
  ].join("\n");
}

/**
 * A completion script generated from the command table: command names after `iamkit`, each
 * command's options, and the values of options that take a fixed set (`-s Active|Inactive`).
 * zsh runs the same functions through its bash completion emulation.
 */
export function completionScript(shell: "bash" | "zsh", specs: readonly CommandSpec<any, any>[]): string {
  const bash = `# iamkit ${shell} completion, generated from the command table: eval "$(iamkit completion ${shell})"
_iamkit_common="${GLOBAL_OPTIONS.flatMap(spellings).join(" ")}"
_iamkit_words() {
  case "$1" in
${specs.map(caseArm).join("\n")}
  esac
}
_iamkit_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="\${COMP_WORDS[0]##*/}"
  if [ "$cmd" = iamkit ]; then
    if [ "$COMP_CWORD" -eq 1 ]; then
      COMPREPLY=($(compgen -W "completion --help --list ${specs.map((s) => s.name.slice(4)).join(" ")}" -- "$cur"))
      return
    fi
    cmd="\${COMP_WORDS[1]}"
    case "$cmd" in iam-*|euare-*) ;; *) cmd="iam-$cmd" ;; esac
  fi
  COMPREPLY=($(compgen -W "$(_iamkit_words "$cmd" "$prev")" -- "$cur"))
}
complete -o default -F _iamkit_complete iamkit ${binNames(specs).join(" ")}
`;
  return shell === "bash" ? bash : `autoload -U +X bashcompinit && bashcompinit\n${bash}`;
}
