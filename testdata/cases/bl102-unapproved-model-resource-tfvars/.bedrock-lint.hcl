approved_models    = ["anthropic.claude-3-5-sonnet-*", "amazon.titan-embed-text-v2:0"]
invocation_logging = "external"
