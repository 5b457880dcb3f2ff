# BL504 (require_guardrail = true): agents with no guardrail_configuration. The span
# is the agent's block header. A dynamic block over an empty list adds none either.
resource "aws_bedrockagent_agent" "support" { # expect: BL504
  agent_name              = "support-assistant"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_support"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  instruction             = "Answer customer questions about orders using the order knowledge base."
}

locals {
  triage_guardrails = []
}

resource "aws_bedrockagent_agent" "triage" { # expect: BL504
  agent_name              = "ticket-triage"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_triage"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction             = "Classify incoming support tickets by product area and urgency."

  dynamic "guardrail_configuration" {
    for_each = local.triage_guardrails
    content {
      guardrail_identifier = guardrail_configuration.value.id
      guardrail_version    = guardrail_configuration.value.version
    }
  }
}
