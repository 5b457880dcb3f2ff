approved_regions   = ["us-east-1"]
invocation_logging = "external"
