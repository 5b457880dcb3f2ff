locals {
  invoke_statement = {
    Sid      = "InvokeModels"
    Effect   = "Allow"
    Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    Resource = "arn:aws:bedrock:*::foundation-model/*" # expect: BL101
  }
}

output "invoke_policy_json" {
  description = "Policy document for application roles that call Bedrock."
  value = jsonencode({
    Version   = "2012-10-17"
    Statement = [local.invoke_statement]
  })
}
