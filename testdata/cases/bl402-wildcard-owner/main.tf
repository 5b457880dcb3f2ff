# BL402: sub conditions whose owner part is a wildcard ("repo:*", "repo:acme*" also
# matches acme-attacker/...), one role per spelling; trust written with
# aws_iam_policy_document, whose principals block is the span.
data "aws_iam_policy_document" "any_repo" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals { # expect: BL402
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:*"]
    }
  }
}

data "aws_iam_policy_document" "org_prefix" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals { # expect: BL402
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme*"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "chat-api-deploy"
  assume_role_policy = data.aws_iam_policy_document.any_repo.json
}

resource "aws_iam_role" "evals" {
  name               = "chat-api-evals"
  assume_role_policy = data.aws_iam_policy_document.org_prefix.json
}

resource "aws_iam_role_policy" "invoke" {
  name = "invoke-claude"
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

resource "aws_iam_role_policy" "evals" {
  name = "invoke-claude"
  role = aws_iam_role.evals.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}
