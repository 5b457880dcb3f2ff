# Reduced from Flaconi/terraform-aws-bedrock-agent (data.tf), adefemi171/
# terraform-bedrock-weather-agent (modules/agent/main.tf) and aws-ia/terraform-aws-bedrock
# (main.tf, ApplyGuardrail). Knowledge-base retrieval and guardrail use on a resource
# whose id is computed: no rule asks *which* knowledge base or guardrail (RULES.md:
# they are not model grants, and BL905 is for unknowns that decide a verdict), so
# the statements are silent. A model-invoke grant whose model id is unknown is
# undecidable (BL101/BL102 ask which model): BL905 there. Before: BL905 on all three.
data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

variable "knowledge_base_id" {
  type = string
}

variable "model_id" {
  type = string
}

resource "aws_bedrock_guardrail" "app" {
  name                      = "app"
  blocked_input_messaging   = "Blocked."
  blocked_outputs_messaging = "Blocked."
  content_policy_config {
    filters_config {
      type            = "HATE"
      input_strength  = "HIGH"
      output_strength = "HIGH"
    }
  }
}

resource "aws_iam_role" "agent" {
  name = "kb-agent"
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
  role = aws_iam_role.agent.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:Retrieve", "bedrock:RetrieveAndGenerate", "bedrock:GetKnowledgeBase"]
        Resource = "arn:${data.aws_partition.current.partition}:bedrock:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:knowledge-base/${var.knowledge_base_id}"
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock:ApplyGuardrail"]
        Resource = aws_bedrock_guardrail.app.guardrail_arn
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel"]
        Resource = "arn:${data.aws_partition.current.partition}:bedrock:${data.aws_region.current.name}::foundation-model/${var.model_id}" # expect: BL905
      },
    ]
  })
}
