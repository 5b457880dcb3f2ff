# BL900: this file was saved as Latin-1; the first bad byte is the "e-acute" below.
# Owner: platform team, Montréal office
# Terraform itself accepts it (terraform validate passes: the bytes are in comments),
# bedrock-lint reports it and skips the file (docs/decisions.md, input limits).
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
