# Silent (require_guardrail = true): every agent has a guardrail, as a block or as an
# attribute, or one that cannot be known (a dynamic block over a variable without a
# value: never guessed).
resource "aws_bedrock_guardrail" "support" {
  name                      = "support-guardrail"
  blocked_input_messaging   = "Sorry, I cannot help with that request."
  blocked_outputs_messaging = "Sorry, I cannot share that."

  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "HIGH"
      output_strength = "NONE"
    }
  }
}

resource "aws_bedrock_guardrail_version" "support" {
  guardrail_arn = aws_bedrock_guardrail.support.guardrail_arn
  description   = "Reviewed 2026-11"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support-assistant"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_support"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  instruction             = "Answer customer questions about orders using the order knowledge base."

  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.support.guardrail_id
    guardrail_version    = aws_bedrock_guardrail_version.support.version
  }
}

resource "aws_bedrockagent_agent" "billing" {
  agent_name              = "billing-assistant"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_billing"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  instruction             = "Explain invoices and payment options to customers."

  guardrail_configuration = [{
    guardrail_identifier = "gr7x2k9q4b1m"
    guardrail_version    = "3"
  }]
}

variable "triage_guardrails" {
  type = list(object({ id = string, version = string }))
}

resource "aws_bedrockagent_agent" "triage" {
  agent_name              = "ticket-triage"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_triage"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  instruction             = "Classify incoming support tickets by product area and urgency."

  dynamic "guardrail_configuration" {
    for_each = var.triage_guardrails
    content {
      guardrail_identifier = guardrail_configuration.value.id
      guardrail_version    = guardrail_configuration.value.version
    }
  }
}
