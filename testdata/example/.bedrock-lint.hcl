# bedrock-lint configuration for the example repository.
#
# Models and regions the security team has approved for production use.
approved_models  = ["anthropic.claude-3-5-sonnet-*", "amazon.titan-embed-text-v2:0"]
approved_regions = ["us-east-1", "us-west-2"]

# Our AWS account; roles may be assumed from it, and custom models and inference
# profiles must live in it.
approved_accounts = ["111122223333"]

# Invocation logging is configured once per account by the platform stack.
invocation_logging = "external"

environment "dev" { paths = ["envs/dev/**"] }
environment "prod" { paths = ["envs/prod/**"] }
