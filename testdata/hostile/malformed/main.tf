# Unbalanced braces, an unterminated string and a heredoc that never ends.
resource "aws_iam_role" "app" {
  name = "app-prod-invoke
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
  })
}}}

resource "aws_iam_role_policy" "invoke" {
  policy = <<EOT
{"Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"}]}
