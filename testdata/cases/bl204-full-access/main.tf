# BL204: AmazonBedrockFullAccess on an application role. The managed policy grants
# invoke and admin alike, so the role is also BL201.
resource "aws_iam_role" "chat_api" { # expect: BL201
  name = "chat-api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "bedrock" {
  role       = aws_iam_role.chat_api.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockFullAccess" # expect: BL204
}
