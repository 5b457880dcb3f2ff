# Silent. Reduced from Tarique-B-DevOps/Terraform-AWS-AgentCore
# (modules/agentcore-runtime/main.tf). The attachments' for_each is
# `var.create_role ? toset(var.managed_policy_names) : toset([])`: the condition has no
# value, but both branches are the empty set, so whatever the condition is there
# is nothing to attach (no guess: every input gives that value). Terraform itself
# leaves `unknown ? [] : []` unknown; judging the role on it would only give a BL905
# "the attachments are not known". Before: that BL905.
variable "create_role" {
  type = bool
}

variable "managed_policy_names" {
  type    = list(string)
  default = []
}

resource "aws_iam_role" "runtime" {
  name = "agent-runtime"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock-agentcore.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "runtime" {
  role = aws_iam_role.runtime.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel"]
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "managed" {
  for_each   = var.create_role ? toset(var.managed_policy_names) : toset([])
  role       = aws_iam_role.runtime.name
  policy_arn = "arn:aws:iam::aws:policy/${each.value}"
}
