approved_models    = ["anthropic.claude-3-5-sonnet-*", "amazon.titan-embed-text-v2:0"]
approved_regions   = ["us-east-1", "us-west-2"]
approved_accounts  = ["111122223333"]
invocation_logging = "external"
