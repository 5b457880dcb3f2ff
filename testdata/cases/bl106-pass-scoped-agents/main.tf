# Silent: each agent, flow and runtime grant names the agent, flow or runtime it
# calls.
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
        Effect   = "Allow"
        Action   = "bedrock:InvokeAgent"
        Resource = "arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/*"
      },
      {
        Effect   = "Allow"
        Action   = "bedrock:InvokeFlow"
        Resource = "arn:aws:bedrock:us-east-1:111122223333:flow/FLOW123456/alias/ALIAS12345"
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream"]
        Resource = "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/support_agent-Ab12Cd34Ef/*"
      },
    ]
  })
}
