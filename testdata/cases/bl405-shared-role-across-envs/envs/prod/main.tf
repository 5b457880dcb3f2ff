# Prod: copied from dev; the chat API role name was not changed, so dev and prod share
# one IAM role (reported at this occurrence, the second in path order). The embeddings
# role got its own name.
module "chat_api" {
  source = "../../modules/bedrock-invoke"

  role_name = "chat-api-invoke" # expect: BL405
  model_arns = [
    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
    "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
  ]
}

module "embeddings" {
  source = "../../modules/bedrock-invoke"

  role_name  = "embeddings-prod-invoke"
  model_arns = ["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"]
}
