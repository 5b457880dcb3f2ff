# BL502: a logging configuration with no destination (neither cloudwatch_config nor
# s3_config) logs nothing.
resource "aws_bedrock_model_invocation_logging_configuration" "this" { # expect: BL502
  logging_config {
    text_data_delivery_enabled      = true
    embedding_data_delivery_enabled = true
    image_data_delivery_enabled     = false
  }
}
