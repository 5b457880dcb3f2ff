# BL303: strings shaped like an access key id anywhere in .tf and .tfvars files, even
# outside a provider block (a variable default, a tag, a tfvars value).
variable "deploy_access_key_id" {
  type    = string
  default = "AKIAIOSFODNN7EXAMPLE" # expect: BL303
}

variable "temporary_key_id" {
  type = string
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
    rotated_key = "ASIAIOSFODNN7EXAMPLE" # expect: BL303
    key_in_use  = var.temporary_key_id
  }
}
