require_guardrail  = true
invocation_logging = "external"
