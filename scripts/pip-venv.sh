#!/usr/bin/env bash
# Usage: scripts/pip-venv.sh VENV MODULE REQUIREMENT
# Installs a pinned PyPI requirement (e.g. "moto[server]==5.2.3") into the virtual environment VENV
# below the project root, unless MODULE there already reports the pinned version. Fails loudly: the
# tests and benchmarks must never fall back to, or skip without, the tool they pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$1" module="$2" requirement="$3"
version="${requirement##*==}"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import $module,sys; sys.exit($module.__version__ != '$version')" 2>/dev/null; then
  exit 0
fi
echo "installing $requirement into $venv (first run only; a minute or two)" >&2
python3 -m venv "$venv"
# One dot per line pip prints, so a first run visibly progresses; pip's own log only if it fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "$venv/bin/pip" install --disable-pip-version-check "$requirement" 2>&1 | tee "$log" | while IFS= read -r _; do printf . >&2; done; then
  printf '\n' >&2
  cat "$log" >&2
  exit 1
fi
printf '\n' >&2
"$venv/bin/python" -c "import $module; print('$module', $module.__version__, 'installed in $venv')" >&2
