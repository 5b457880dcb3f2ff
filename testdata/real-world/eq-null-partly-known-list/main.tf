# Reduced from aws-samples/sample-bedrock-proxy-gateway
# (infrastructure/shared_account/iam_role/main.tf): a statement built with merge()
# adds a Condition only when a list of VPC endpoint ids is not null. The list is a
# tuple of partly unknown ids, so `local.vpce_ids == null` is false as Terraform
# evaluates it (a tuple constructor is never null). The statement is therefore known
# apart from the endpoint ids, aws:SourceVpce does not narrow the models, and
# InvokeModel on "*" is BL101; bedrock:Converse grants nothing (BL911).
variable "bedrock_runtime_vpce_id" {
  type = string
}

locals {
  vpce_ids = ["vpce-0123456789abcdef0", var.bedrock_runtime_vpce_id]
}

resource "aws_iam_role" "gateway" {
  name = "bedrock-gateway"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "gateway" {
  name = "bedrock-vpce-access"
  role = aws_iam_role.gateway.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      merge(
        {
          Effect = "Allow"
          Action = [
            "bedrock:InvokeModel",
            "bedrock:Converse", # expect: BL911
          ]
          Resource = "*" # expect: BL101
        },
        local.vpce_ids == null ? {} : {
          Condition = {
            StringEquals = { "aws:SourceVpce" = local.vpce_ids }
          }
        }
      )
    ]
  })
}
