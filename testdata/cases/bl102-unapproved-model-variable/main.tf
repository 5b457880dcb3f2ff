# BL102 through a variable: the unapproved model ID is written in terraform.tfvars.
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

variable "chat_model_id" {
  type = string
}

resource "aws_iam_role_policy" "invoke" {
  name = "invoke-chat-model"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/${var.chat_model_id}"
    }]
  })
}
