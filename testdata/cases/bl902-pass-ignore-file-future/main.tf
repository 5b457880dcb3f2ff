# bedrock-lint:ignore-file BL101,BL103 until=2030-06-30 reason="model evaluation sandbox account, ticket SEC-42"
# Silent: a file-wide, time-bound exception for the sandbox; its date is in the future,
# so it is neither expired (BL902) nor unused (BL903).
resource "aws_iam_role" "eval_runner" {
  name = "model-eval-runner"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "eval_runner" {
  name = "evaluate-models"
  role = aws_iam_role.eval_runner.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = "bedrock:InvokeModelWithResponseStream"
        Resource = "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      },
    ]
  })
}
