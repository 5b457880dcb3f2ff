# Dev environment of the chat API.

module "chat_api" {
  source = "../../modules/bedrock-invoke"

  name       = "chat-api-dev-invoke"
  model_arns = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
}

module "embeddings" {
  source = "../../modules/bedrock-invoke"

  name       = "embeddings-dev-invoke"
  service    = "ecs-tasks.amazonaws.com"
  model_arns = ["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"]
}

# A sandbox for trying new models. Someone opened it to every model "for now".
resource "aws_iam_role" "sandbox" {
  name = "model-sandbox-dev"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Developer_0a1b2c3d4e5f6789" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "sandbox" {
  name = "try-models"
  role = aws_iam_role.sandbox.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "*"
    }]
  })
}
