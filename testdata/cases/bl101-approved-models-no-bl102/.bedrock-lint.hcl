approved_models    = ["anthropic.claude-3-5-sonnet-*", "amazon.titan-embed-text-v2:0"]
approved_regions   = ["us-east-1", "us-west-2"]
invocation_logging = "external"
