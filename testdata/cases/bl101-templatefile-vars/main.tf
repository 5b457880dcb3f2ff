# BL101 through templatefile() whose template renders a list passed in by the caller:
# the "*" is written here, in the template variables, so that is the span.
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
  name = "invoke-models"
  role = aws_iam_role.app.id
  policy = templatefile("${path.module}/policies/invoke.json.tftpl", {
    actions    = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    model_arns = ["*"] # expect: BL101
  })
}
