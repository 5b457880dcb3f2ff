# Shared by every plan fixture: invocation logging lives in another stack.
invocation_logging = "external"
