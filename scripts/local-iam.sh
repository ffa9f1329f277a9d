#!/usr/bin/env bash
# Usage: scripts/local-iam.sh [PORT]
# Starts a local IAM server (moto) for trying the commands by hand, prints the lines to paste into
# another shell, and runs until Ctrl-C. The server accepts any key until told otherwise; it forgets
# everything when it stops.
set -euo pipefail
source "$(dirname "$0")/moto-server.sh"
start_moto "${1:-}"
trap 'kill $moto_pid 2>/dev/null' EXIT
cat <<LINES
A local IAM server is listening on $AWS_IAM_URL. In another shell, paste:

export AWS_IAM_URL=$AWS_IAM_URL
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export PATH="$root/.bin:\$PATH"

then try: iam-usercreate -u alice -k; iam-userlistbypath; euare-userlistgroups alice
(the key above is a placeholder: the local server takes any key). Ctrl-C stops the server.
LINES
wait "$moto_pid"
