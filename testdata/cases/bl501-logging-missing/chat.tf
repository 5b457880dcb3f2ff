# BL501: invoke actions are granted and no invocation logging configuration exists.
# Reported once per run, at the first invoke action string in path order (chat.tf
# comes before embeddings.tf).
resource "aws_iam_role" "chat_api" {
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

resource "aws_iam_role_policy" "chat_api" {
  name = "invoke-claude"
  role = aws_iam_role.chat_api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "bedrock:InvokeModel", # expect: BL501
        "bedrock:InvokeModelWithResponseStream",
      ]
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}
