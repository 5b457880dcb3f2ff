# Logging is this stack's job: BL501 is on.
invocation_logging = "required"
