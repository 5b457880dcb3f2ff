# BL101 through templatefile(): the any-model pattern is written in the template
# (region interpolated), so the span is in policies/invoke.json.tftpl (expected.txt).
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
  policy = templatefile("${path.module}/policies/invoke.json.tftpl", {
    region = "us-east-1"
  })
}
