#!/usr/bin/env bash
# Installs the pinned moto server (the local IAM endpoint the tests run against) into .moto-venv.
exec "$(dirname "$0")/pip-venv.sh" .moto-venv moto "moto[server]==5.2.3"
