# What scripts cut from the output: a new user's key id, secret, ARN and id; a group's, a role's and
# a managed policy's ARN and id.
iam-usercreate -u ivy -k -v
iam-groupcreate -g interns -v
iam-rolecreate -r webserver -s ec2.amazonaws.com -v
iam-policycreate -p interns-read -f read-only.json -v
iam-useraddkey ivy | awk 'NR == 2 { print length($0) }'
