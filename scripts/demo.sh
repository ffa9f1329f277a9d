#!/usr/bin/env bash
# npm run demo: starts a local IAM server (moto), runs the runbook of "Getting started with AWS
# Identity Access Management" with the iam-* bins, printing each command and its output, then
# stops the server. Nothing outside a scratch directory is touched.
set -euo pipefail
source "$(dirname "$0")/moto-server.sh"
start_moto
scratch=$(mktemp -d)
trap 'kill $moto_pid 2>/dev/null; rm -rf "$scratch"' EXIT
export HOME="$scratch" PATH="$root/.bin:$PATH"

say() { printf '\n# %s\n' "$*"; }
run() { printf '$ %s\n' "$*"; eval "$@"; }

say "The master credentials go into a legacy credential file, readable only by you"
mkdir -p ~/.aws && chmod 0700 ~/.aws
printf 'AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE\nAWSSecretKey=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' > ~/.aws/account-key
chmod 600 ~/.aws/account-key
run export AWS_CREDENTIAL_FILE=~/.aws/account-key

say "An Admin group with a policy that allows everything"
run iam-usercreate -h
run iam-groupcreate -g Admin
run iam-grouplistbypath
cat > ~/AdminGroupPolicy.txt <<'POLICY'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}
POLICY
run cat ~/AdminGroupPolicy.txt
run iam-groupuploadpolicy -g Admin -p AdminGroupPolicy -f ~/AdminGroupPolicy.txt
run iam-grouplistpolicies -g Admin

say "A user for yourself, in the Admin group, with an access key"
run "iam-usercreate -u david -g Admin -k -v | tee ~/david.out"

say "Switch to david's own key (the server now checks every signature and permission)"
{ echo "AWSAccessKeyId=$(sed -n 1p ~/david.out)"; echo "AWSSecretKey=$(sed -n 2p ~/david.out)"; } > ~/.aws/david_cloudartisan_cred.txt
chmod 600 ~/.aws/david_cloudartisan_cred.txt
moto_api reset-auth 0
run export AWS_CREDENTIAL_FILE=~/.aws/david_cloudartisan_cred.txt
run iam-usergetattributes

say "A key pair and a self-signed signing certificate, made locally, the key file 0600"
run "cd ~/.aws && iam-useraddcert -u david --generate"
run ls -l ~/.aws
run iam-userlistcerts -u david
