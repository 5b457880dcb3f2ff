# Shared by every reduction under testdata/real-world (as cases/.bedrock-lint.hcl is
# for testdata/cases): invocation logging lives in another stack, so BL501 stays quiet.
invocation_logging = "external"
