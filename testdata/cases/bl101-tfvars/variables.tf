variable "model_arns" {
  description = "Model ARNs the application may invoke."
  type        = list(string)
  default     = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
}
