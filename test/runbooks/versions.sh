# A managed policy's versions and attachments: a new version made default, the old one deleted, the
# policy detached and deleted, with the refusals a wrong order meets on the way.
arn=$(iam-policycreate -p reports -f read-only.json -v | head -1)
iam-groupcreate -g readers
iam-groupattachpolicy -g readers -a "$arn"
iam-policycreateversion -a "$arn" -f read-only.json
iam-policydelversion -a "$arn" -s v1 || echo "v1 is the default"
iam-policysetdefaultversion -a "$arn" -s v2
iam-policydelversion -a "$arn" -s v1
iam-policydel -a "$arn" || echo "still attached"
iam-policylistversions -a "$arn"
iam-groupdetachpolicy -g readers -a "$arn"
iam-policydel -a "$arn"
iam-policygetattributes -a "$arn" || echo "gone"
iam-grouplistattachedpolicies -g readers
