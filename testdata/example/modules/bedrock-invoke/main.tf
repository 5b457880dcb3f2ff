# A workload role that may invoke the given models and nothing else.
variable "name" {
  description = "Role name; include the environment (chat-api-prod-invoke)."
  type        = string
}

variable "service" {
  description = "AWS service principal that runs the workload."
  type        = string
  default     = "lambda.amazonaws.com"
}

variable "model_arns" {
  description = "Foundation-model or inference-profile ARNs the role may invoke."
  type        = list(string)
}

resource "aws_iam_role" "this" {
  name                 = var.name
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = var.service }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  name = "invoke-models"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "InvokeApprovedModels"
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource = var.model_arns
    }]
  })
}

output "role_arn" {
  value = aws_iam_role.this.arn
}
