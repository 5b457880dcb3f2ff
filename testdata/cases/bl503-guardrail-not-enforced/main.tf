# BL503 (require_guardrail = true): the chat statement has no
# bedrock:GuardrailIdentifier condition; the span is the statement. The embeddings
# statement enforces the guardrail and is fine.
resource "aws_iam_role" "app" {
  name = "app-prod-invoke"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_iam_policy_document" "invoke" {
  statement { # expect: BL503
    sid       = "Chat"
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
  }

  statement {
    sid       = "Summaries"
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"]
    condition {
      test     = "StringEquals"
      variable = "bedrock:GuardrailIdentifier"
      values   = ["arn:aws:bedrock:us-east-1:111122223333:guardrail/gr7x2k9q4b1m:3"]
    }
  }
}

resource "aws_iam_role_policy" "invoke" {
  name   = "invoke-models"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.invoke.json
}

resource "aws_iam_role_policy" "legacy" {
  name = "legacy-invoke"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { # expect: BL503
        Sid      = "LegacyTitan"
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
      },
    ]
  })
}
