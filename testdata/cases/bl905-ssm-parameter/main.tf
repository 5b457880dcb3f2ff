# BL905: the model ARN is read from SSM Parameter Store at apply time. Nothing else
# fires on the unknown value (it could be one model or "*"); the note points at
# where it is used.
data "aws_ssm_parameter" "model_arn" {
  name = "/chat-api/bedrock-model-arn"
}

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
  name = "invoke-model"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = data.aws_ssm_parameter.model_arn.value # expect: BL905
    }]
  })
}
