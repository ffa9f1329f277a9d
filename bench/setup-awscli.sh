#!/usr/bin/env bash
# Installs the pinned aws CLI (v1, from PyPI) into .bench-venv for the benchmark's side-by-side runs.
# Idempotent: does nothing when the pinned version is already there. The benchmark never uses an aws
# found on PATH, so every machine compares against the same release.
set -euo pipefail
cd "$(dirname "$0")/.."
AWSCLI_VERSION="1.46.3"
venv=".bench-venv"
if [ -x "$venv/bin/aws" ] && "$venv/bin/python" -c "import awscli,sys; sys.exit(awscli.__version__ != '$AWSCLI_VERSION')" 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "awscli==$AWSCLI_VERSION"
"$venv/bin/python" -c "import awscli; print('aws CLI', awscli.__version__, 'installed in $venv')" >&2
