# BL201 despite a Deny: the Deny covers one guardrail, the Allow all of them, so the
# admin grant is not removed (a partial Deny does not count).
resource "aws_iam_role" "chat_api" { # expect: BL201
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
        Sid      = "TuneGuardrails"
        Effect   = "Allow"
        Action   = "bedrock:UpdateGuardrail"
        Resource = "arn:aws:bedrock:us-east-1:111122223333:guardrail/*"
      },
      {
        Sid      = "ProtectProdGuardrail"
        Effect   = "Deny"
        Action   = "bedrock:UpdateGuardrail"
        Resource = "arn:aws:bedrock:us-east-1:111122223333:guardrail/gr7x2k9q4b1m"
      },
    ]
  })
}
