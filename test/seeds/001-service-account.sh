#!/usr/bin/env bash
# Seed 001 (a RightScale dashboard service account): group, uploaded full-control policy (the
# post's file, without Version), user with a key, and an openssl certificate made through a CSR.
set -euo pipefail
cd "$HOME"
cat > /tmp/fullcontrol_iam_policy.json <<'POLICY'
{
  "Statement": [
    {
      "Action": "*",
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
POLICY
iam-groupcreate -g RightScaleDash
iam-groupuploadpolicy -g RightScaleDash -p FullControl -f /tmp/fullcontrol_iam_policy.json
iam-usercreate -u rsdash -g RightScaleDash -k
openssl genrsa -out iam.key 1024 2>/dev/null
openssl req -new -key iam.key -out iam.csr -subj "/CN=rsdash"
openssl x509 -req -in iam.csr -signkey iam.key -out iam.pem 2>/dev/null
iam-useraddcert -u rsdash -f iam.pem
