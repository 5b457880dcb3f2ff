approved_regions   = ["us-east-1", "us-west-2"]
invocation_logging = "external"
