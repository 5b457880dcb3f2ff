# An ARN whose region comes from data.aws_region names one region, not every region:
# BL103 is silent. With approved_regions set, whether that region is approved cannot
# be known, and a note says so.
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
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:${data.aws_region.current.name}::foundation-model/amazon.titan-embed-text-v2:0" # expect: BL905
    }]
  })
}
