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
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "$requirement"
"$venv/bin/python" -c "import $module; print('$module', $module.__version__, 'installed in $venv')" >&2
