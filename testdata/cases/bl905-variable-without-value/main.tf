# BL905: the whole policy JSON comes from a variable with no default and no tfvars
# value, so what the role may do with Bedrock cannot be decided.
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
  description = "Policy JSON supplied by the deployment pipeline."
  type        = string
}

resource "aws_iam_role_policy" "invoke" {
  name   = "invoke-models"
  role   = aws_iam_role.app.id
  policy = var.invoke_policy_json # expect: BL905
}
