# BL501's span and BL503 concern model-invoke actions (RULES.md Terms: catalog
# targets_model_resources = true). Reduced from Flaconi/terraform-aws-bedrock-agent
# (data.tf: BL501 pointed at bedrock:Rerank) and the BL503 path that shares its
# action filter. A knowledge-base Retrieve comes first in the file; BL501 must point
# at the first model-invoke action string (InvokeModel), and BL503 must not fire on
# the Retrieve statement: a guardrail condition belongs on the model grant.
resource "aws_iam_role" "rag" {
  name = "rag-api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "rag" {
  name = "rag-api"
  role = aws_iam_role.rag.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:Retrieve"]
        Resource = "arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB12345678"
      },
      { # expect: BL503
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel"] # expect: BL501
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      },
    ]
  })
}
