# Silent. Reduced from trustypangolin/bedrock-foundation-template
# (tf/iam-deploy-role.tf; nolantcrook/eks_with_gpu_support shows the same note for
# an OIDC provider ARN built from the caller account). A role trusted by the
# deploying account itself, written with data.aws_caller_identity: RULES.md Terms
# say the caller identity "stands for the account being deployed, which is always
# approved", so the trust policy is decided (no BL404) and is not undecidable (no
# BL905).
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "analyst" {
  name               = "bedrock-analyst"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "analyst_root" {
  name = "bedrock-analyst-root"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  for_each = {
    analyst      = aws_iam_role.analyst.id
    analyst_root = aws_iam_role.analyst_root.id
  }
  name = "invoke-claude"
  role = each.value
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}
