# BL905: the Resource is a computed attribute of a custom model created in the same
# apply (unknown until then).
resource "aws_iam_role" "app" {
  name = "app-prod-invoke"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "customization" {
  name = "bedrock-customization"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = "111122223333" }
      }
    }]
  })
}

resource "aws_bedrock_custom_model" "support" {
  custom_model_name     = "support-titan-ft"
  job_name              = "support-titan-ft-2026-11"
  base_model_identifier = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
  role_arn              = aws_iam_role.customization.arn
  customization_type    = "FINE_TUNING"

  hyperparameters = {
    epochCount              = "1"
    batchSize               = "1"
    learningRate            = "0.00001"
    learningRateWarmupSteps = "0"
  }

  output_data_config {
    s3_uri = "s3://acme-bedrock-training/output/"
  }

  training_data_config {
    s3_uri = "s3://acme-bedrock-training/train.jsonl"
  }
}

resource "aws_iam_role_policy" "invoke" {
  name = "invoke-support-model"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = aws_bedrock_custom_model.support.custom_model_arn # expect: BL905
    }]
  })
}
