# Reduced from Rvk18/emergency-medical-triage (infrastructure/bedrock.tf),
# govuk-once/gds-eligibility-agentic-backend (terraform/frontend.tf) and
# aws-ia/terraform-aws-bedrock (data.tf, agent_alias_permissions).
# Agent, flow and AgentCore runtime invocation on every alias/runtime is BL106
# (invoke-any-agent, warning) on the resource string. These actions are not
# model-invoke actions (catalog: targets_model_resources = false), so BL101 must
# not fire: there is no model in "*" here.
resource "aws_iam_role" "frontend" {
  name = "frontend-app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "tasks.apprunner.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "frontend" {
  name = "invoke-agents"
  role = aws_iam_role.frontend.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:InvokeAgent"]
        Resource = "*" # expect: BL106
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock:InvokeFlow"]
        Resource = "*" # expect: BL106
      },
      {
        Effect = "Allow"
        Action = ["bedrock:GetAgentAlias", "bedrock:InvokeAgent"]
        Resource = [
          "arn:aws:bedrock:us-east-1:111122223333:agent-alias/*", # expect: BL106
        ]
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock-agentcore:InvokeAgentRuntime"]
        Resource = "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/*" # expect: BL106
      },
      {
        # One named alias: fine.
        Effect   = "Allow"
        Action   = ["bedrock:InvokeAgent"]
        Resource = "arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/ALIAS12345"
      },
    ]
  })
}
