# BL502: logs go to S3, but prompt and completion text is switched off.
resource "aws_s3_bucket" "bedrock_logs" {
  bucket = "acme-bedrock-invocation-logs"
}

resource "aws_bedrock_model_invocation_logging_configuration" "this" { # expect: BL502
  logging_config {
    text_data_delivery_enabled      = false
    embedding_data_delivery_enabled = false
    image_data_delivery_enabled     = false

    s3_config {
      bucket_name = aws_s3_bucket.bedrock_logs.id
      key_prefix  = "bedrock"
    }
  }
}
