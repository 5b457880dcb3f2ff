# BL901: the exception has no until= date. BL101 stays suppressed; BL901 asks for the
# expiry (at the comment; see expected.txt, a comment cannot carry a second comment).
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

# bedrock-lint:ignore BL101 reason="model evaluation sandbox, ticket SEC-42"
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
