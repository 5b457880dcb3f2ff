# Silent: the ignore comment sits on the line of the finding and names the rule by its
# name instead of its code; it is used, has an expiry and a reason.
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

resource "aws_iam_role_policy" "sandbox" {
  name = "evaluate-models"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "*" # bedrock-lint:ignore invoke-any-model until=2030-06-30 reason="sandbox, SEC-42"
    }]
  })
}
