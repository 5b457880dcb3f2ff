# BL101 in a count resource: both instances share the literal, and it is reported
# once, at the literal (one problem, one finding, one place to fix).
variable "workers" {
  type    = list(string)
  default = ["summarizer", "classifier"]
}

resource "aws_iam_role" "worker" {
  count = length(var.workers)

  name = "app-prod-${var.workers[count.index]}"
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
  count = length(var.workers)

  name = "invoke-models"
  role = aws_iam_role.worker[count.index].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "*" # expect: BL101
    }]
  })
}
