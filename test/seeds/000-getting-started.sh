#!/usr/bin/env bash
# Seed 000 ("Getting started with AWS Identity Access Management", IAMCli 1.2.0), part 1: the
# steps run with the account's master credentials, as the article types them. The test runs it
# with the iamkit bins on PATH, AWS_IAM_URL pointing at moto and HOME in a scratch directory.
set -euo pipefail
mkdir -p ~/.aws ~/Git/cloudartisan/aws/policies
chmod 0700 ~/.aws
export AWS_CREDENTIAL_FILE=~/.aws/account-key

# The article's policy file has no Version line, as IAM of 2011 took it: iamkit sends it with
# "Version": "2012-10-17" added (the same meaning without policy variables) and says so on stderr.
iam-usercreate -h | head -2
iam-groupcreate -g Admin
iam-grouplistbypath
cat > ~/Git/cloudartisan/aws/policies/AdminGroupPolicy.txt <<'POLICY'
{
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}
POLICY
iam-groupuploadpolicy -g Admin -p AdminGroupPolicy -f ~/Git/cloudartisan/aws/policies/AdminGroupPolicy.txt
iam-grouplistpolicies -g Admin
iam-usercreate -u david -g Admin -k -v | tee ~/david.out

# What the article does with vi: a credential file holding the new key, in the legacy format.
{
  echo "AWSAccessKeyId=$(sed -n 1p ~/david.out)"
  echo "AWSSecretKey=$(sed -n 2p ~/david.out)"
} > ~/.aws/david_cloudartisan_cred.txt
chmod 600 ~/.aws/david_cloudartisan_cred.txt

# Not in the article: a user that may only use S3, to show part 2 that permissions are enforced.
iam-usercreate -u s3only -k > ~/s3only.out
iam-useraddpolicy -u s3only -p s3 -e Allow -a "s3:*" -r "*"
{
  echo "AWSAccessKeyId=$(sed -n 1p ~/s3only.out)"
  echo "AWSSecretKey=$(sed -n 2p ~/s3only.out)"
} > ~/.aws/s3only-cred.txt
chmod 600 ~/.aws/s3only-cred.txt
