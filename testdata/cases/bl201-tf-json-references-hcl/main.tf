# The HCL twin of bl201-tf-json-references (same resources, same findings): BL201
# fires only because both inline policies' `role` references resolve to the same role.
variable "region" {
  type    = string
  default = "us-east-1"
}

resource "aws_iam_role" "chat_api" { # expect: BL201
  name = "chat-api"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role" "reader" {
  name = "reader"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

data "aws_iam_policy_document" "invoke" {
  statement {
    sid       = "Invoke"
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:${var.region}::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
  }
}

resource "aws_iam_role_policy" "invoke" {
  name   = "invoke"
  role   = aws_iam_role.chat_api.id
  policy = data.aws_iam_policy_document.invoke.json
}

resource "aws_iam_role_policy" "guardrails" {
  name = "guardrails"
  role = aws_iam_role.chat_api.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["bedrock:UpdateGuardrail", "bedrock:DeleteGuardrail"], Resource = "arn:aws:bedrock:${var.region}:111122223333:guardrail/gr7x2k9q4b1m" }]
  })
}

# Guardrail administration on another role: no BL201 for it.
resource "aws_iam_role_policy" "reader_guardrails" {
  name   = "guardrails"
  role   = aws_iam_role.reader.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "bedrock:GetGuardrail", Resource = "*" }] })
}
