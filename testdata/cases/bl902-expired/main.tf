# BL902: the exception expired (today is after 2025-01-31): BL902 at the comment and
# the BL101 it hid is reported again (expected.txt).
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

# bedrock-lint:ignore BL101 until=2025-01-31 reason="model evaluation sandbox, ticket SEC-42"
resource "aws_iam_role_policy" "sandbox" {
  name = "evaluate-models"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "*" # expect: BL101
    }]
  })
}
