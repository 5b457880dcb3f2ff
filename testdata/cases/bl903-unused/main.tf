# BL903: the grant was scoped down but the ignore comment was left behind; it
# suppresses nothing (expected.txt).
resource "aws_iam_role" "app" {
  name = "model-eval-sandbox"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# bedrock-lint:ignore BL101 until=2030-06-30 reason="model evaluation sandbox, ticket SEC-42"
resource "aws_iam_role_policy" "sandbox" {
  name = "evaluate-models"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}
