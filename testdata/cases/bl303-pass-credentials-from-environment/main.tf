# Silent: no literal credentials. The provider takes them from the environment (OIDC in
# CI, an SSO profile locally) or from a variable without a default; strings that only
# start like key ids ("AKIA" in a name) are not key ids.
variable "session_token" {
  type      = string
  sensitive = true
}

provider "aws" {
  region = "us-east-1"
  token  = var.session_token

  assume_role {
    role_arn     = "arn:aws:iam::111122223333:role/terraform-deploy"
    session_name = "terraform"
  }
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
  tags = {
    team = "AKIAtools"
  }
}
