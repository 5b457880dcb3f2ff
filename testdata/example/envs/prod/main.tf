# Production environment of the chat API.

module "chat_api" {
  source = "../../modules/bedrock-invoke"

  name = "chat-api-prod-invoke"
  model_arns = [
    "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0",
    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
    "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
  ]
}

module "embeddings" {
  source = "../../modules/bedrock-invoke"

  name       = "embeddings-prod-invoke"
  service    = "ecs-tasks.amazonaws.com"
  model_arns = ["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"]
}

# The on-call role: it tunes guardrails during incidents and also replays failed chat
# requests, so one identity both administers and invokes.
resource "aws_iam_role" "ops" {
  name = "chat-api-prod-ops"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_OnCall_9f8e7d6c5b4a3210" }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_iam_policy_document" "ops" {
  statement {
    sid       = "ReplayRequests"
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
  }

  statement {
    sid       = "TuneGuardrail"
    actions   = ["bedrock:UpdateGuardrail", "bedrock:CreateGuardrailVersion"]
    resources = ["arn:aws:bedrock:us-east-1:111122223333:guardrail/gr7x2k9q4b1m"]
  }
}

resource "aws_iam_role_policy" "ops" {
  name   = "ops"
  role   = aws_iam_role.ops.id
  policy = data.aws_iam_policy_document.ops.json
}
