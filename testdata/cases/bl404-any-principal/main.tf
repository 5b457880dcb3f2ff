# BL404: trust policies that let anyone ("*", {AWS = "*"}) assume a Bedrock role.
resource "aws_iam_role" "partner_api" {
  name = "partner-api-invoke"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" } # expect: BL404
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "demo" {
  name = "demo-invoke"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # expect: BL404
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "partner_api" {
  name = "invoke-claude"
  role = aws_iam_role.partner_api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

resource "aws_iam_role_policy" "demo" {
  name = "invoke-claude"
  role = aws_iam_role.demo.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}
