#!/usr/bin/env bash
# Seed 000, part 2: after switching to david's own key (moto's auth enforcement is on now), make a
# key pair and certificate with openssl as the article does, and upload it with david's key.
set -euo pipefail
export AWS_CREDENTIAL_FILE=~/.aws/david_cloudartisan_cred.txt
cd ~/.aws
openssl genrsa 1024 > pk.pem 2>/dev/null
openssl req -new -x509 -nodes -sha1 -days 730 -key ~/.aws/pk.pem -out ~/.aws/cert.pem -subj "/CN=david"
iam-useraddcert -u david -f cert.pem
iam-usergetattributes
