variable "role" {
  type = string
}

resource "aws_iam_role_policy" "read" {
  role = var.role
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "arn:aws:s3:::acme-prompts/*"
    }]
  })
}
