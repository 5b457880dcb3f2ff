# Dev: the chat API and the nightly embeddings job.
module "chat_api" {
  source = "../../modules/bedrock-invoke"

  role_name  = "chat-api-invoke"
  model_arns = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
}

module "embeddings" {
  source = "../../modules/bedrock-invoke"

  role_name  = "embeddings-dev-invoke"
  model_arns = ["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"]
}
