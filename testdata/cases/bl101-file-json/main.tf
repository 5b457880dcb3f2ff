# BL101 through file(): the policy JSON lives next to the module; the span is the
# "*" in policies/invoke.json (see expected.txt).
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
  name   = "invoke-models"
  role   = aws_iam_role.app.id
  policy = file("${path.module}/policies/invoke.json")
}
