approved_accounts  = ["111122223333"]
invocation_logging = "external"
