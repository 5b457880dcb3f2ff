# Inline policy for the café ordering assistant (saved as Latin-1 by an old editor).
# Owner: platform team, Montréal
resource "aws_iam_role" "app" {
  name = "cafe-assistant-invoke"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
