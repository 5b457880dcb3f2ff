# Logging is not configured anywhere (BL501 on) and guardrails are required (BL503 on).
require_guardrail = true
