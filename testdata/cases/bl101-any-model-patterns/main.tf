# Every any-model spelling RULES.md lists is BL101, and BL101 speaks for the whole
# string: the wildcard regions below are not reported again as BL103.
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
    Statement = [
      {
        Sid    = "InvokeEverywhere"
        Effect = "Allow"
        Action = "bedrock:InvokeModel"
        Resource = [
          "arn:aws:bedrock:*",                             # expect: BL101
          "arn:*:bedrock:*:*:*",                           # expect: BL101
          "arn:aws:bedrock:*::foundation-model/*",         # expect: BL101
          "arn:aws:bedrock:eu-west-1::foundation-model/*", # expect: BL101
        ]
      },
      {
        Sid      = "StreamEverywhere"
        Effect   = "Allow"
        Action   = "bedrock:InvokeModelWithResponseStream"
        Resource = "arn:aws:bedrock:us-east-1::*" # expect: BL101
      },
    ]
  })
}
