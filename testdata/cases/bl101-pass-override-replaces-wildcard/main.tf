# Silent: the base document's wildcard statement is replaced by an override with the
# same sid, so the policy Terraform renders grants only the named model.
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

data "aws_iam_policy_document" "starter" {
  statement {
    sid       = "InvokeModels"
    actions   = ["bedrock:InvokeModel"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "prod_models" {
  statement {
    sid       = "InvokeModels"
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
  }
}

data "aws_iam_policy_document" "app" {
  source_policy_documents   = [data.aws_iam_policy_document.starter.json]
  override_policy_documents = [data.aws_iam_policy_document.prod_models.json]
}

resource "aws_iam_role_policy" "app" {
  name   = "invoke-models"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.app.json
}
