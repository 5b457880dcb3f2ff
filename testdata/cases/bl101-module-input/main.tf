# BL101 through a module input: the caller writes "*", the module builds the policy.
# The span is the literal in this call, where the fix goes.
module "chat_api" {
  source = "./modules/invoke"

  role_name = "chat-api-prod-invoke"
  model_arns = [
    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
  ]
}

module "model_eval" {
  source = "./modules/invoke"

  role_name  = "model-eval-invoke"
  model_arns = ["*"] # expect: BL101
}
