# Silent: invoking and administering Bedrock are split across two roles.
resource "aws_iam_role" "chat_api" {
  name = "chat-api-prod-invoke"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "chat_api" {
  name = "invoke-claude"
  role = aws_iam_role.chat_api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

resource "aws_iam_role" "bedrock_platform" {
  name = "bedrock-platform-admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:acme/bedrock-platform:environment:prod"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "bedrock_platform" {
  name = "guardrails-and-logging"
  role = aws_iam_role.bedrock_platform.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Guardrails"
        Effect   = "Allow"
        Action   = ["bedrock:CreateGuardrail", "bedrock:UpdateGuardrail", "bedrock:CreateGuardrailVersion"]
        Resource = "*"
      },
      {
        Sid      = "InvocationLogging"
        Effect   = "Allow"
        Action   = ["bedrock:PutModelInvocationLoggingConfiguration", "bedrock:GetModelInvocationLoggingConfiguration"]
        Resource = "*"
      },
    ]
  })
}
