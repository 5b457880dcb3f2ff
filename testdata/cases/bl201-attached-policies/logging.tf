resource "aws_iam_policy" "logging_admin" {
  name = "bedrock-logging-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "bedrock:GetModelInvocationLoggingConfiguration",
        "bedrock:PutModelInvocationLoggingConfiguration",
      ]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "batch_logging" {
  role       = aws_iam_role.batch.name
  policy_arn = aws_iam_policy.logging_admin.arn
}
