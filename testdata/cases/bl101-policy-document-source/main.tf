# BL101 through source_policy_documents: the wildcard is written in a shared base
# document that the role's document extends; the span is where it is written.
resource "aws_iam_role" "app" {
  name               = "app-prod-invoke"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "bedrock_base" {
  statement {
    sid       = "InvokeModels"
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/*"] # expect: BL101
  }
}

data "aws_iam_policy_document" "app" {
  source_policy_documents = [data.aws_iam_policy_document.bedrock_base.json]

  statement {
    sid       = "ReadPrompts"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-app-prompts/*"]
  }
}

resource "aws_iam_role_policy" "app" {
  name   = "app"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.app.json
}
