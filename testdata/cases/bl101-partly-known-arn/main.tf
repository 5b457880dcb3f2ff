# BL101 on a partly known ARN: the partition and region come from data sources,
# the known parts decide the verdict ("foundation-model/*" is every model).
data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

resource "aws_iam_role" "app" {
  name = "app-invoke"
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
      Effect = "Allow"
      Action = "bedrock:InvokeModel*"
      Resource = [
        "arn:${data.aws_partition.current.partition}:bedrock:*::foundation-model/*", # expect: BL101
        # One named model in the deploying region: scoped, and the region is one region.
        "arn:${data.aws_partition.current.partition}:bedrock:${data.aws_region.current.name}::foundation-model/amazon.titan-embed-text-v2:0",
        # An inference profile of the deploying account: that account is approved.
        "arn:${data.aws_partition.current.partition}:bedrock:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0",
      ]
    }]
  })
}
