# BL904: the time-bound exception ended on 2025-06-30 (before today), so the statement
# grants nothing: only the note, at the date, and no BL101 for its "*".
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

resource "aws_iam_role_policy" "model_eval" {
  name = "model-eval-2025-q2"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "TemporaryModelEvaluation"
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "*"
      Condition = {
        DateLessThan = { "aws:CurrentTime" = "2025-06-30T00:00:00Z" } # expect: BL904
      }
    }]
  })
}
