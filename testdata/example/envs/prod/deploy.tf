# GitHub Actions deploys prod and runs a post-deploy smoke test with this role. The
# trust is pinned to the repository's prod environment; the session limit is not.
resource "aws_iam_role" "deploy" {
  name                 = "chat-api-prod-deploy"
  max_session_duration = 43200
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:acme/chat-api:environment:prod"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "deploy_smoke_test" {
  name = "smoke-test-invoke"
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}
