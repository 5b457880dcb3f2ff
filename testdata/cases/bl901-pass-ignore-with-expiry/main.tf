# Silent: a deliberate, time-bound exception. The ignore comment names the code, an
# expiry date in the future and a reason, so BL101 is suppressed and nothing else fires.
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
      Resource = "*"
    }]
  })
}
