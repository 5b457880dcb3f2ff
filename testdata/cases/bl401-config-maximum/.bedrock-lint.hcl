max_session_duration = 7200
invocation_logging   = "external"
