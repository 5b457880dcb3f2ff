# Silent. Reduced from govuk-once/gds-eligibility-agentic-backend (terraform/iam.tf,
# bedrock:GenerateQuery) and Flaconi/terraform-aws-bedrock-agent (data.tf,
# bedrock:Rerank). GenerateQuery and Rerank are invoke actions with no resource
# type: IAM requires Resource "*". They are not model-invoke actions (RULES.md Terms:
# targets_model_resources = false), so BL101/BL103 do not apply; the embedding or
# rerank model is granted by InvokeModel, which is scoped here. The same holds for
# knowledge-base retrieval in every region (BL103 is for model grants only).
resource "aws_iam_role" "kb" {
  name = "kb-structured"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "kb" {
  name = "kb-structured"
  role = aws_iam_role.kb.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:GenerateQuery", "bedrock:Rerank"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock:Retrieve"]
        Resource = "arn:aws:bedrock:*:111122223333:knowledge-base/*"
      },
      {
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel"]
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/amazon.rerank-v1:0"
      },
    ]
  })
}
