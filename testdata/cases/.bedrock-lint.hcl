# Shared by every case under testdata/cases that has no .bedrock-lint.hcl of its own
# (config discovery: the nearest file walking up wins, no merging).
# Invocation logging is configured in another stack, so BL501 stays quiet unless a
# case brings its own config to test it.
invocation_logging = "external"
