# BL905: a registry module that is not installed (no .terraform/modules) is handed a
# Bedrock grant; what it grants cannot be checked, so a note says so once per call.
module "invoke_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "6.2.0"

  name = "chat-api-invoke"
  policies = {
    bedrock = "arn:aws:iam::aws:policy/AmazonBedrockFullAccess" # expect: BL905
  }
}

# A module handed nothing Bedrock: nothing to say.
module "logs" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"

  bucket = "chat-api-logs"
}
