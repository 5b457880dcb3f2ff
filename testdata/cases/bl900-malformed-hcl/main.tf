# BL900: a stray "=" (a merge gone wrong); the span is the parse error's position.
resource "aws_iam_role" "app" {
  name = = "app-prod-invoke" # expect: BL900
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
