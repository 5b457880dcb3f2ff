# With approved_models and approved_regions set, an any-model string is BL101 only:
# BL101 speaks for the whole string (no BL102, no BL103 on the same string).
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
      Effect = "Allow"
      Action = "bedrock:InvokeModel"
      Resource = [
        "*",                                     # expect: BL101
        "arn:aws:bedrock:*::foundation-model/*", # expect: BL101
      ]
    }]
  })
}
