# A time-bound exception: the any-model grant expires on its own (aws:CurrentTime
# DateLessThan 2099). BL101 is still reported, as a warning that says until when.
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
  name = "model-eval-until-2099"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "TemporaryModelEvaluation"
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "*" # expect: BL101
      Condition = {
        DateLessThan = { "aws:CurrentTime" = "2099-12-31T00:00:00Z" }
      }
    }]
  })
}
