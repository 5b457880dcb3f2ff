# Reduced from aws-ia/terraform-aws-bedrock (data.tf, agent_permissions; also its fork
# skelloapp/terraform-aws-bedrock). concat() of a list of partly known ARNs and a
# splat of a computed list: the result's length is unknown, but the known list's
# elements are in it, and IAM reads Resource as a set. So the application inference
# profile ARN with a wildcard region and account is judged (BL103, BL105), and the
# computed ARNs, which could be any model, are named in a BL905 note. Before: one
# BL905 for the whole list, the wildcard region and account missed.
data "aws_partition" "current" {}

data "aws_bedrock_inference_profiles" "all" {}

data "aws_iam_policy_document" "agent" {
  statement {
    actions = ["bedrock:InvokeModel"]
    resources = distinct(concat(
      ["arn:${data.aws_partition.current.partition}:bedrock:*:*:application-inference-profile/*"], # expect: BL103, BL105
      data.aws_bedrock_inference_profiles.all.inference_profile_summaries[*].inference_profile_arn, # expect: BL905
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
