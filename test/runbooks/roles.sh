# A role in an instance profile, and a virtual MFA device: what holds what, removed in order.
iam-rolecreate -r app -s ec2.amazonaws.com
iam-instanceprofilecreate -s app-profile
iam-instanceprofileaddrole -s app-profile -r app
iam-instanceprofileaddrole -s app-profile -r app || echo "holds one role"
iam-roledel -r app || echo "still in a profile"
iam-instanceprofilelistforrole -r app
iam-instanceprofileremoverole -s app-profile -r app
iam-instanceprofiledel -s app-profile
iam-roledel -r app
iam-rolelistbypath
serial=$(iam-virtualmfadevicecreate -s ops-token -m Base32StringSeed -o ops-token.seed)
iam-virtualmfadevicedel -s "$serial"
iam-virtualmfadevicedel -s "$serial" || echo "already deleted"
