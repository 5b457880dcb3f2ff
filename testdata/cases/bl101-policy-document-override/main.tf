# BL101 through override_policy_documents: the override replaces the scoped statement
# with the same sid, so only the override's wildcard is granted and reported.
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

data "aws_iam_policy_document" "scoped" {
  statement {
    sid       = "InvokeModels"
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
  }
}

data "aws_iam_policy_document" "eval_override" {
  statement {
    sid       = "InvokeModels"
    actions   = ["bedrock:InvokeModel"]
    resources = ["*"] # expect: BL101
  }
}

data "aws_iam_policy_document" "app" {
  source_policy_documents   = [data.aws_iam_policy_document.scoped.json]
  override_policy_documents = [data.aws_iam_policy_document.eval_override.json]
}

resource "aws_iam_role_policy" "app" {
  name   = "invoke-models"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.app.json
}
