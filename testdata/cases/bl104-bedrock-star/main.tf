# BL104 on customer-managed policies not attached to anything (so only the
# statement-level rules run): bedrock:* on a model ARN still grants admin actions such
# as CreateModelCustomizationJob; bedrock:*Guardrail* grants guardrail administration
# together with ApplyGuardrail (invoke) through one pattern.
resource "aws_iam_policy" "chat_invoke" {
  name = "chat-invoke"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:*" # expect: BL104
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

resource "aws_iam_policy" "guardrails" {
  name = "chat-guardrails"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:*Guardrail*"] # expect: BL104
      Resource = "arn:aws:bedrock:us-east-1:111122223333:guardrail/gr7x2k9q4b1m"
    }]
  })
}
