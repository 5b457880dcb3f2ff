# Silent. Reduced from trustypangolin/bedrock-foundation-template
# (tf/modules/global/foundation_baseline/role_grafana_crossaccount.tf). A role and its
# inline policy document are both under a count that is not known statically (a
# variable without a value), but the document is the same in every instance and
# grants only CloudWatch reads: no Bedrock action, whatever the count. RULES.md:
# unknown repetition is undecidable "where the unknown part matters", and BL905 is
# for Bedrock grants that cannot be decided. Each instance is the block evaluated
# with count.index unknown, so `[0]` reads it (was: BL905 "the policy is not known").
variable "integration_id" {
  type = string
}

data "aws_iam_policy_document" "trust" {
  count = var.integration_id == null ? 0 : 1
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.integration_id]
    }
  }
}

data "aws_iam_policy_document" "metrics" {
  count = var.integration_id == null ? 0 : 1
  statement {
    actions   = ["cloudwatch:GetMetricData", "cloudwatch:ListMetrics"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "metrics" {
  count              = var.integration_id == null ? 0 : 1
  name               = "metrics-reader"
  assume_role_policy = data.aws_iam_policy_document.trust[0].json

  inline_policy {
    name   = "metrics"
    policy = data.aws_iam_policy_document.metrics[0].json
  }
}
