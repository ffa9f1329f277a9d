#!/usr/bin/env bash
# Installs the pinned moto server (the local IAM endpoint the tests run against) into .moto-venv.
# Idempotent: does nothing when the pinned version is already there. Fails loudly otherwise,
# because tests must never silently skip when moto is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
MOTO_VERSION="5.2.3"
venv=".moto-venv"
if [ -x "$venv/bin/moto_server" ] && "$venv/bin/python" -c "import moto,sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
"$venv/bin/python" -c "import moto; print('moto', moto.__version__, 'installed in $venv')" >&2
