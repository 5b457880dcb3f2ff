# A permissions boundary narrows what an identity policy grants (IAM evaluates the
# intersection): the role's policy says InvokeModel on "*" and guardrail changes, the
# boundary allows InvokeModel on one model only and no admin action. Effectively the
# role invokes one model: no BL101, no BL201. The same policy on a role without the
# boundary is reported.
resource "aws_iam_policy" "boundary" {
  name = "bedrock-invoke-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

resource "aws_iam_role" "bounded" {
  name                 = "chat-api-bounded"
  permissions_boundary = aws_iam_policy.boundary.arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "bounded" {
  name = "invoke"
  role = aws_iam_role.bounded.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = "bedrock:UpdateGuardrail"
        Resource = "*"
      }
    ]
  })
}

resource "aws_iam_role" "unbounded" { # expect: BL201
  name = "chat-api-unbounded"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "unbounded" {
  name = "invoke"
  role = aws_iam_role.unbounded.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "*" # expect: BL101
      },
      {
        Effect   = "Allow"
        Action   = "bedrock:UpdateGuardrail"
        Resource = "*"
      }
    ]
  })
}
