import type { CommandSpec, OptionSpec } from "../core/define.js";
import { commandOptions } from "../core/dry-run.js";
import { GLOBAL_OPTIONS, globalOptions } from "./global-options.js";
import { binNames, euareName } from "./bin-names.js";

/** Every spelling of an option a user can type. */
function spellings(option: OptionSpec): string[] {
  return [...(option.short ? [`-${option.short}`] : []), `--${option.long}`, ...(option.aliases ?? [])];
}

/** An option whose value is a file name: its placeholder says so (POLICYDOCUMENTFILE, CREDENTIALFILE). */
const takesFile = (option: OptionSpec) => /FILE$/.test(option.metavar ?? "");

/**
 * `case "$2"` arms for the options that take a value, so the word after one completes as that
 * value and never as another option: the value set of an option that has one, file names (status 1)
 * after an option that takes a file, and nothing to offer after any other value.
 */
function valueArms(options: readonly OptionSpec[], indent: string): string[] {
  const arms = options
    .filter((o) => o.metavar)
    .map((o) => {
      const action = o.choices ? `echo "${o.choices.join(" ")}"; return` : takesFile(o) ? "return 1" : "return";
      return `${indent}  ${spellings(o).join("|")}) ${action} ;;`;
    });
  return arms.length ? [`${indent}case "$2" in`, ...arms, `${indent}esac`] : [];
}

/** The bash `case` arm for one command: the value after one of its options, else its options and the common ones. */
function caseArm(spec: CommandSpec<any, any>): string {
  const names = [spec.name, euareName(spec)].filter(Boolean).join("|");
  const options = commandOptions(spec);
  return [`    ${names})`, ...valueArms(options, "      "), `      echo "${options.flatMap(spellings).join(" ")} $common" ;;`].join("\n");
}

/**
 * A completion script generated from the command table: command names after `iamkit`, each
 * command's options, the values of options that take a fixed set (`-s Active|Inactive`), and file
 * names after options that take a file.
 * zsh runs the same functions through its bash completion emulation.
 */
export function completionScript(shell: "bash" | "zsh", specs: readonly CommandSpec<any, any>[]): string {
  // The euare- names also take euca2ools' -I, -S, --security-token and -U.
  const euareOptions = globalOptions("euare-");
  const common = GLOBAL_OPTIONS.flatMap(spellings);
  const bash = `# iamkit ${shell} completion, generated from the command table: eval "$(iamkit completion ${shell})"
_iamkit_common="${common.join(" ")}"
_iamkit_euare="${euareOptions.flatMap(spellings).filter((s) => !common.includes(s)).join(" ")}"
# Prints the words to offer for command $1 after the word $2; status 1: offer file names instead.
_iamkit_words() {
${valueArms(euareOptions, "  ").join("\n")}
  local common="$_iamkit_common"
  case "$1" in euare-*) common="$common $_iamkit_euare" ;; esac
  case "$1" in
    plan) return 1 ;;
${specs.map(caseArm).join("\n")}
  esac
}
_iamkit_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="\${COMP_WORDS[0]##*/}"
  if [ "$cmd" = iamkit ]; then
    local names="${specs.map((s) => s.name.slice(4)).join(" ")}"
    if [ "$COMP_CWORD" -eq 1 ]; then
      COMPREPLY=($(compgen -W "completion help plan --help --list --version $names" -- "$cur"))
      return
    fi
    cmd="\${COMP_WORDS[1]}"
    case "$cmd" in
      help)
        [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "$names" -- "$cur"))
        return ;;
      # iamkit plan's own options, then the script and its arguments: file names.
      plan)
        case "$cur" in -*) COMPREPLY=($(compgen -W "--json -d --debug -h --help" -- "$cur")); return ;; esac ;;
      iam-*|euare-*) ;;
      *) cmd="iam-$cmd" ;;
    esac
  fi
  # One reply per line, never globbed: a file name may hold spaces or a *.
  local words IFS=$'\n' globbing=
  if [ -n "$BASH_VERSION" ] && [[ $- != *f* ]]; then globbing=1; set -f; fi
  if words=$(_iamkit_words "$cmd" "$prev"); then
    COMPREPLY=($(IFS=' '; compgen -W "$words" -- "$cur"))
  else
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
  if [ -n "$globbing" ]; then set +f; fi
}
complete -o default -F _iamkit_complete iamkit ${binNames(specs).join(" ")}
`;
  return shell === "bash" ? bash : `autoload -U +X bashcompinit && bashcompinit\n${bash}`;
}
