# Silent: this file starts with a UTF-8 byte-order mark and uses CRLF line endings, as
# some Windows editors save files; Terraform accepts both. Non-ASCII text is fine too:
# owner Zoë Müller (Zürich), "≤ 1 hour" sessions.
resource "aws_iam_role" "app" {
  name        = "app-prod-invoke"
  description = "Invokes Claude for the café ordering assistant"
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
  name = "invoke-claude"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}
