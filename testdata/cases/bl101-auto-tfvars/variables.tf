variable "model_arns" {
  description = "Model ARNs the application may invoke."
  type        = list(string)
}
