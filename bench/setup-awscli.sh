#!/usr/bin/env bash
# Installs the pinned aws CLI (v1, from PyPI) into .bench-venv for the benchmark's side-by-side runs.
# The benchmark never uses an aws found on PATH, so every machine compares against the same release.
exec "$(dirname "$0")/../scripts/pip-venv.sh" .bench-venv awscli "awscli==1.46.3"
