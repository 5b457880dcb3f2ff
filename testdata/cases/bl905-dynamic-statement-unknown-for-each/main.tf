# A policy document built from a `dynamic "statement"` whose for_each cannot be known
# (a variable with no value, as in the most used IAM modules): its statements are
# unknown, not absent. No BL910 (the document is not known to be invalid); a BL905
# note says what is unknown. The statement written out in full is still judged.
variable "extra_statements" {
  type = list(object({
    actions   = list(string)
    resources = list(string)
  }))
}

data "aws_iam_policy_document" "invoke" {
  statement {
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
  }

  dynamic "statement" { # expect: BL905
    for_each = var.extra_statements
    content {
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}

resource "aws_iam_role" "app" {
  name = "app-invoke"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  name   = "invoke-models"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.invoke.json
}
