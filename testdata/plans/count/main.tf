# count = 2 roles, each with an inline policy. The second policy's Resource comes from
# the list below and is "*": one finding, at that literal, for
# aws_iam_role_policy.invoke[1]; [0] is scoped.
locals {
  workers = [
    {
      name   = "summarizer"
      models = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"]
    },
    {
      name   = "classifier"
      models = ["*"] # expect: BL101
    },
  ]
}

resource "aws_iam_role" "worker" {
  count = 2

  name = "app-prod-${local.workers[count.index].name}"
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
  count = 2

  name = "invoke-models"
  role = aws_iam_role.worker[count.index].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = local.workers[count.index].models
    }]
  })
}
