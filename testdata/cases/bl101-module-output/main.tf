# BL101 through a module output: a shared policy module returns the policy JSON and
# this root attaches it. The literal is written in the module, so that is the span.
module "bedrock_policy" {
  source = "./modules/bedrock-policy"
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
  name   = "invoke-models"
  role   = aws_iam_role.app.id
  policy = module.bedrock_policy.invoke_policy_json
}
