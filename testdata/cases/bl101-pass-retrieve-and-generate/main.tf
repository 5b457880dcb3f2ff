# RetrieveAndGenerate, Retrieve and GenerateQuery take "*" (AWS allows nothing else):
# they are invoke actions but not model grants. The model the knowledge base uses is
# granted by InvokeModel, scoped to one model ARN: nothing to report.
resource "aws_iam_role" "rag" {
  name = "rag-app"
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
  name = "rag"
  role = aws_iam_role.rag.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:RetrieveAndGenerate", "bedrock:GenerateQuery"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = "bedrock:Retrieve"
        Resource = "arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB12345678"
      },
      {
        Effect   = "Allow"
        Action   = "bedrock:InvokeModel"
        Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
      }
    ]
  })
}
