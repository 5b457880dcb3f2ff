# BL202: the invoke role can also read a database secret and SSM parameters.
resource "aws_iam_role" "support_bot" { # expect: BL202
  name = "support-bot"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "support_bot" {
  name = "support-bot"
  role = aws_iam_role.support_bot.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "ssm:GetParameter*"]
        Resource = [
          "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/crm-db-AbCdEf",
          "arn:aws:ssm:us-east-1:111122223333:parameter/support-bot/*",
        ]
      },
    ]
  })
}
