# BL301: an access key for a user that can invoke models (the user's inline policy is
# also BL302).
resource "aws_iam_user" "ci" {
  name = "chat-api-ci"
}

resource "aws_iam_user_policy" "invoke" { # expect: BL302
  name = "invoke-claude"
  user = aws_iam_user.ci.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

resource "aws_iam_access_key" "ci" { # expect: BL301
  user = aws_iam_user.ci.name
}
