# Reduced from aws-ia/terraform-aws-bedrock (iam.tf, kb_embedding_model_arn; also its
# fork skelloapp/terraform-aws-bedrock). replace() whose replacement interpolates
# data.aws_partition and data.aws_region keeps the rest of the string: the search
# strings cannot occur inside a partition or region, so the result is partly known
# (RULES.md "Partly known values") and judged on its known parts. One named model:
# silent. The same replace() over a foundation-model/* default: any model (BL101, at
# the replace() call: the string is made there, no literal holds it). Before: BL905
# on both, the string unknown.
data "aws_partition" "current" {}
data "aws_region" "current" {}

variable "embedding_model_arn" {
  type    = string
  default = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
}

variable "chat_model_arn" {
  type    = string
  default = "arn:aws:bedrock:us-east-1::foundation-model/*"
}

locals {
  embedding_model_arn = replace(replace(var.embedding_model_arn, "arn:aws", "arn:${data.aws_partition.current.partition}"), "us-east-1", data.aws_region.current.name)
  chat_model_arn      = replace(replace(var.chat_model_arn, "arn:aws", "arn:${data.aws_partition.current.partition}"), "us-east-1", data.aws_region.current.name) # expect: BL101
}

resource "aws_iam_role" "kb" {
  name = "kb"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "kb" {
  role = aws_iam_role.kb.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel"]
        Resource = local.embedding_model_arn
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel"]
        Resource = local.chat_model_arn
      },
    ]
  })
}
