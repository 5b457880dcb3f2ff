# Policies from data "aws_iam_policy_document" (the plan holds the rendered JSON,
# known at plan time): a scoped chat statement and an embeddings statement on every
# foundation model (BL101 at its literal), plus a GitHub trust document.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/app:environment:prod"]
    }
  }
}

data "aws_iam_policy_document" "invoke" {
  statement {
    sid       = "Chat"
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
  }

  statement {
    sid       = "Embeddings"
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/*"] # expect: BL101
  }
}

resource "aws_iam_role" "deploy" {
  name               = "app-prod-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "invoke" {
  name   = "invoke-models"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.invoke.json
}
