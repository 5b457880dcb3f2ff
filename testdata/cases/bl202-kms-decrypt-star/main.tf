# BL202: kms:Decrypt on "*" (any key) for an invoke role, granted through an attached
# customer-managed policy.
resource "aws_iam_role" "summarizer" { # expect: BL202
  name = "summarizer"
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
  name = "invoke-claude"
  role = aws_iam_role.summarizer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

resource "aws_iam_policy" "decrypt" {
  name = "decrypt-any-key"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:DescribeKey"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "decrypt" {
  role       = aws_iam_role.summarizer.name
  policy_arn = aws_iam_policy.decrypt.arn
}
