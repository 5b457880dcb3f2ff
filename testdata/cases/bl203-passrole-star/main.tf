# BL203: an invoke role that can pass any role and attach policies to roles.
resource "aws_iam_role" "agent_worker" { # expect: BL203
  name = "agent-worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "agent_worker" {
  name = "agent-worker"
  role = aws_iam_role.agent_worker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      },
      {
        Effect   = "Allow"
        Action   = ["iam:PassRole", "iam:AttachRolePolicy"]
        Resource = "*"
      },
    ]
  })
}
