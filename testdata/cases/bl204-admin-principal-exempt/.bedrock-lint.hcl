admin_principals   = ["aws_iam_role.bedrock_platform", "bedrock-platform-break*"]
invocation_logging = "external"
