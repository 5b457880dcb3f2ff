invocation_logging = "external"

environment "dev" { paths = ["envs/dev/**"] }
environment "prod" { paths = ["envs/prod/**"] }
