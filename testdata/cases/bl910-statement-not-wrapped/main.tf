# BL910: a single statement pasted as the whole policy (no Statement); the span is
# the policy document.
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

resource "aws_iam_role_policy" "invoke" {
  name = "invoke-claude"
  role = aws_iam_role.app.id
  policy = jsonencode({ # expect: BL910
    Effect   = "Allow"
    Action   = "bedrock:InvokeModel"
    Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
  })
}
