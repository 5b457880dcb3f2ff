# Silent: the guardrail grant left over from a shared policy is fully covered by an
# explicit Deny (same action, a resource pattern covering it, no condition), so the
# role's effective grants are invoke only.
resource "aws_iam_role" "chat_api" {
  name = "chat-api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "chat_api" {
  name = "bedrock"
  role = aws_iam_role.chat_api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Invoke"
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      },
      {
        Sid      = "LegacyGuardrailTuning"
        Effect   = "Allow"
        Action   = "bedrock:UpdateGuardrail"
        Resource = "arn:aws:bedrock:us-east-1:111122223333:guardrail/gr7x2k9q4b1m"
      },
      {
        Sid      = "NoGuardrailChangesFromApps"
        Effect   = "Deny"
        Action   = "bedrock:UpdateGuardrail"
        Resource = "arn:aws:bedrock:us-east-1:111122223333:guardrail/*"
      },
    ]
  })
}
