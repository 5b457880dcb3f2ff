# Silent: "*" appears only in Deny statements, which take access away.
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
  name = "invoke-models"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokeClaude"
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      },
      {
        Sid      = "DenyOutsideUsEast1"
        Effect   = "Deny"
        Action   = "bedrock:*"
        Resource = "*"
        Condition = {
          StringNotEquals = { "aws:RequestedRegion" = "us-east-1" }
        }
      },
      {
        Sid      = "DenyModelManagement"
        Effect   = "Deny"
        Action   = ["bedrock:Create*", "bedrock:Delete*", "bedrock:Put*"]
        Resource = "*"
      },
    ]
  })
}
