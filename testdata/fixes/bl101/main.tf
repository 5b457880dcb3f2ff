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

# Comments and formatting around the fix stay as they are.
resource "aws_iam_role_policy" "invoke" {
  name = "invoke"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel"] # the runtime call
      Resource = "*"
    }]
  })
}
