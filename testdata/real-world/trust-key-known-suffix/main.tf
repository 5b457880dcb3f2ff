# Reduced from aws-samples/sample-bedrock-proxy-gateway
# (infrastructure/shared_account/iam_role/main.tf and locals.tf). A role that can
# invoke models trusts an IAM OIDC provider of the deploying account through
# sts:AssumeRoleWithWebIdentity, and its only condition key is
# "${var.issuer}:aud": the issuer is unknown, but a key ending in ":aud" is never the
# provider's sub claim, so the trust has no sub condition at all (BL402, RULES.md:
# "any aws_iam_openid_connect_provider ... with no condition on the provider's sub
# claim"). The known parts decide (Terms, partly known values). Today: BL905 "a
# StringEquals condition (object key ...) is not known statically".
data "aws_caller_identity" "current" {}

variable "issuer" {
  type = string
}

resource "aws_iam_role" "federated" {
  name = "oauth-federation"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = { # expect: BL402
        Federated = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/${var.issuer}"
      }
      Action = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "${var.issuer}:aud" = "bedrock-proxy" }
      }
    }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  role = aws_iam_role.federated.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}
