# BL204 through data "aws_iam_policy": the AWS managed policy is named, not written
# as an ARN, and its ARN interpolates the partition (how real modules attach it).
data "aws_partition" "current" {}

data "aws_iam_policy" "bedrock_full" {
  name = "AmazonBedrockFullAccess"
}

resource "aws_iam_role" "app" { # expect: BL201
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

resource "aws_iam_role_policy_attachment" "full" {
  role       = aws_iam_role.app.name
  policy_arn = data.aws_iam_policy.bedrock_full.arn # expect: BL204
}

resource "aws_iam_role" "ops" { # expect: BL201, BL202, BL203
  name = "chat-ops"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "power" {
  role       = aws_iam_role.ops.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess" # expect: BL204
}
