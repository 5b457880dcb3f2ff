# BL402 through a module whose variable types give `effect` the default "Allow": the
# caller leaves it out, Terraform fills it in, and so does the linter (before, the
# statement's Effect was unknown and the unscoped GitHub trust went unreported).
resource "aws_iam_policy" "invoke" {
  name = "invoke-claude"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

module "ci_role" {
  source = "./modules/oidc-role"
  name   = "chat-api-ci"
  trust_statements = {
    GitHub = {
      principals = [{
        type        = "Federated"
        identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"] # expect: BL402
      }]
      conditions = [{
        test     = "StringEquals"
        variable = "token.actions.githubusercontent.com:aud"
        values   = ["sts.amazonaws.com"]
      }]
    }
  }
  policy_arns = [aws_iam_policy.invoke.arn]
}
