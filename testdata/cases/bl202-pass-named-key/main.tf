# Silent: kms:Decrypt on one named key is fine for an invoke role, and the role that
# reads the CRM secret does not invoke models.
resource "aws_iam_role" "summarizer" {
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

resource "aws_iam_role_policy" "summarizer" {
  name = "invoke-and-decrypt"
  role = aws_iam_role.summarizer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      },
      {
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = "arn:aws:kms:us-east-1:111122223333:key/1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"
      },
    ]
  })
}

resource "aws_iam_role" "crm_lookup" {
  name = "crm-lookup"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "crm_lookup" {
  name = "read-crm-secret"
  role = aws_iam_role.crm_lookup.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "secretsmanager:GetSecretValue"
      Resource = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/crm-db-AbCdEf"
    }]
  })
}
