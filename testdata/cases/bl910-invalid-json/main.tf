# BL910: the policy JSON, kept in a variable default, is not valid JSON (a missing comma
# between "Action" and "Resource"). The span is the JSON error position, in the
# default where the text is written.
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

variable "invoke_policy_json" {
  type    = string
  default = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "bedrock:InvokeModel" "Resource": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
        }
      ]
    }
  EOT
}

resource "aws_iam_role_policy" "invoke" {
  name   = "invoke-claude"
  role   = aws_iam_role.app.id
  policy = var.invoke_policy_json
}
