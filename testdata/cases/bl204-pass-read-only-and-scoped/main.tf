# Silent: AmazonBedrockReadOnly is not one of the broad policies, and the invoke
# permissions come from a scoped customer-managed policy.
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

resource "aws_iam_policy" "chat_invoke" {
  name = "chat-invoke"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "chat_invoke" {
  role       = aws_iam_role.chat_api.name
  policy_arn = aws_iam_policy.chat_invoke.arn
}

resource "aws_iam_role_policy_attachment" "bedrock_read_only" {
  role       = aws_iam_role.chat_api.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockReadOnly"
}
