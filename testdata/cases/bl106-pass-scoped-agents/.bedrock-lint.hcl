invocation_logging = "external"
