# Silent: admin actions named exactly (for a platform role that does not invoke), and
# a read-only wildcard that grants no admin action.
resource "aws_iam_policy" "guardrail_admin" {
  name = "guardrail-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          "bedrock:CreateGuardrail",
          "bedrock:UpdateGuardrail",
          "bedrock:CreateGuardrailVersion",
        ]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock:Get*", "bedrock:List*"]
        Resource = "*"
      },
    ]
  })
}
