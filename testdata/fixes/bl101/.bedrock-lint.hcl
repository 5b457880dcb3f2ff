approved_models    = ["anthropic.claude-3-5-sonnet-20240620-v1:0"]
approved_regions   = ["us-east-1"]
invocation_logging = "external"
