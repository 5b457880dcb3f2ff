# Reduced from aws-ia/terraform-aws-bedrock (data.tf, agent_permissions; also its fork
# skelloapp/terraform-aws-bedrock). A resource list wrapped in distinct() whose
# strings interpolate data.aws_partition: distinct() keeps every element, and IAM
# reads Resource as a set, so the grant is the list as written. The second string
# allows one named model in every region (BL103, RULES.md: an invoke grant's ARN
# region is a wildcard); the first names one region through data.aws_region, which
# is one specific region (silent). Today the whole list is unknown and one BL905
# names the partition.
data "aws_partition" "current" {}
data "aws_region" "current" {}

variable "foundation_model" {
  type    = string
  default = "anthropic.claude-3-5-sonnet-20240620-v1:0"
}

data "aws_iam_policy_document" "agent" {
  statement {
    actions = ["bedrock:InvokeModel"]
    resources = distinct(concat(
      ["arn:${data.aws_partition.current.partition}:bedrock:${data.aws_region.current.name}::foundation-model/${var.foundation_model}"],
      ["arn:${data.aws_partition.current.partition}:bedrock:*::foundation-model/${var.foundation_model}"], # expect: BL103
    ))
  }
}

resource "aws_iam_role" "agent" {
  name = "bedrock-agent"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "agent" {
  role   = aws_iam_role.agent.id
  policy = data.aws_iam_policy_document.agent.json
}
