# BL303: credentials written in the provider block (AWS's documented example key, not a
# real one). The session token is a literal too.
provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"                     # expect: BL303
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" # expect: BL303
  token      = "IQoJb3JpZ2luX2VjEXAMPLETOKEN"              # expect: BL303
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
