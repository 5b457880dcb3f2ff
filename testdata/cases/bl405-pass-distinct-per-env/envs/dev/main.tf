# Every role name carries the environment, and each environment deploys with its own
# role in its own account.
provider "aws" {
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::111122223333:role/bedrock-apps-deploy-dev"
    session_name = "terraform-dev"
  }
}

module "chat_api" {
  source = "../../modules/bedrock-invoke"

  role_name  = "chat-api-dev-invoke"
  model_arns = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
}

module "embeddings" {
  source = "../../modules/bedrock-invoke"

  role_name  = "embeddings-dev-invoke"
  model_arns = ["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"]
}
