# BL105 with approved_accounts: an imported model in a foreign account and a
# provisioned model with a wildcard account. The custom model in the approved
# account is fine.
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
  name = "invoke-custom-models"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "bedrock:InvokeModel"
      Resource = [
        "arn:aws:bedrock:us-east-1:111122223333:custom-model/amazon.titan-text-express-v1:0:8k/x4b2n8q1k3zd",
        "arn:aws:bedrock:us-east-1:444455556666:imported-model/k2h7q9x3m1ab", # expect: BL105
        "arn:aws:bedrock:us-east-1:*:provisioned-model/*",                     # expect: BL105
      ]
    }]
  })
}
