# BL101 through a local: the span is the literal in the locals block, where the fix goes.
locals {
  invoke_actions = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
  model_arns = [
    "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0",
    "arn:aws:bedrock:us-east-1::foundation-model/*", # expect: BL101
  ]
}

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

resource "aws_iam_role_policy" "invoke" {
  name = "invoke-models"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = local.invoke_actions
      Resource = local.model_arns
    }]
  })
}
