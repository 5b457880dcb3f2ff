# BL201: one role both invokes models and administers guardrails (one policy document
# with two statements).
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

data "aws_iam_policy_document" "chat_api" {
  statement {
    sid       = "Invoke"
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
  }
  statement {
    sid       = "TuneGuardrail"
    actions   = ["bedrock:UpdateGuardrail", "bedrock:DeleteGuardrail"]
    resources = ["arn:aws:bedrock:us-east-1:111122223333:guardrail/gr7x2k9q4b1m"]
  }
}

resource "aws_iam_role_policy" "chat_api" {
  name   = "bedrock"
  role   = aws_iam_role.chat_api.id
  policy = data.aws_iam_policy_document.chat_api.json
}
