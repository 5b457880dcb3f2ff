# Silent: action names match case-insensitively (IAM does), AgentCore actions are
# Bedrock actions the catalog knows, and wildcards are not unknown actions.
resource "aws_iam_role" "app" {
  name = "app-prod-invoke"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  name = "invoke"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:invokemodel", "Bedrock:InvokeModelWithResponseStream"]
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      },
      {
        Effect   = "Allow"
        Action   = "bedrock-agentcore:InvokeAgentRuntime"
        Resource = "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/support_agent-Ab12Cd34Ef"
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock:Get*", "bedrock:List*"]
        Resource = "*"
      },
    ]
  })
}
