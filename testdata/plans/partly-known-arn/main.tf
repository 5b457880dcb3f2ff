# BL101 on a partly known ARN, linted with its plan: in HCL the partition and region
# are data sources (partly known); in the plan they are known. Same finding either way.
data "aws_partition" "current" {}
data "aws_region" "current" {}

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
      ]
    }]
  })
}
