# BL302: a customer-managed invoke policy attached to a person's IAM user.
resource "aws_iam_user" "analyst" {
  name = "data-analyst"
}

resource "aws_iam_policy" "invoke" {
  name = "invoke-claude"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

resource "aws_iam_user_policy_attachment" "invoke" { # expect: BL302
  user       = aws_iam_user.analyst.name
  policy_arn = aws_iam_policy.invoke.arn
}
