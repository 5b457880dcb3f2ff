# BL106: agent, flow and AgentCore runtime invocation on patterns that match every
# agent alias, flow alias or runtime of the account (or of any account). The span is
# the resource string. The agent alias scoped to one agent is fine, and the expired
# time-bound statement grants nothing (only its BL904 note).
resource "aws_iam_role" "app" {
  name = "app-prod-agents"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "agents" {
  name = "invoke-agents"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "Agents"
        Effect = "Allow"
        Action = "bedrock:InvokeAgent"
        Resource = [
          "arn:aws:bedrock:us-east-1:111122223333:agent-alias/*", # expect: BL106
          "arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/*",
        ]
      },
      {
        Sid      = "Flows"
        Effect   = "Allow"
        Action   = "bedrock:InvokeFlow"
        Resource = "arn:aws:bedrock:us-east-1:*:flow/*" # expect: BL106
      },
      {
        Sid      = "AgentPilot"
        Effect   = "Allow"
        Action   = "bedrock:InvokeAgent"
        Resource = "arn:aws:bedrock:us-east-1:111122223333:agent-alias/*"
        Condition = {
          DateLessThan = { "aws:CurrentTime" = "2025-06-30T00:00:00Z" } # expect: BL904
        }
      },
    ]
  })
}

data "aws_iam_policy_document" "runtime" {
  statement {
    actions   = ["bedrock-agentcore:InvokeAgentRuntime*"]
    resources = ["arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/*"] # expect: BL106
  }
}

resource "aws_iam_role_policy" "runtime" {
  name   = "invoke-runtimes"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.runtime.json
}
