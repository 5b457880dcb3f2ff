# BL101 in a for_each resource: only the "eval" instance gets the any-model pattern,
# written in the for_each map, which is where it is reported.
locals {
  workloads = {
    chat = {
      models = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
    }
    embeddings = {
      models = ["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"]
    }
    eval = {
      models = ["arn:aws:bedrock:us-east-1::foundation-model/*"] # expect: BL101
    }
  }
}

resource "aws_iam_role" "workload" {
  for_each = local.workloads

  name = "app-prod-${each.key}"
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
  for_each = local.workloads

  name = "invoke-models"
  role = aws_iam_role.workload[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource = each.value.models
    }]
  })
}
