# BL102 on models named by Bedrock resources (approved_models is set): an agent's
# foundation_model, a knowledge base's embedding model, the model an inference
# profile copies and a custom model's base model, as model IDs or ARNs. The span is
# the string. An application inference profile's ARN names no model ID: silent.
resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support-assistant"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_support"
  foundation_model        = "us.meta.llama3-2-90b-instruct-v1:0" # expect: BL102
  instruction             = "Answer customer questions about orders using the order knowledge base."
}

resource "aws_bedrockagent_agent" "billing" {
  agent_name              = "billing-assistant"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_billing"
  foundation_model        = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6"
  instruction             = "Explain invoices and payment options to customers."
}

resource "aws_bedrockagent_knowledge_base" "orders" {
  name     = "orders"
  role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForKnowledgeBase_orders"

  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/cohere.embed-english-v3" # expect: BL102
    }
  }

  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = "arn:aws:aoss:us-east-1:111122223333:collection/k2c8x1z9q7w3"
      vector_index_name = "orders-index"
      field_mapping {
        vector_field   = "embedding"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

resource "aws_bedrock_inference_profile" "chat" {
  name = "chat-cost-tracking"
  model_source {
    copy_from = "arn:aws:bedrock:us-east-1::foundation-model/mistral.mistral-large-2407-v1:0" # expect: BL102
  }
}

resource "aws_bedrock_custom_model" "tuned" {
  custom_model_name     = "support-tone"
  job_name              = "support-tone-2026-11"
  base_model_identifier = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k" # expect: BL102
  role_arn              = "arn:aws:iam::111122223333:role/AmazonBedrockCustomizationRole"
  hyperparameters = {
    epochCount   = "2"
    batchSize    = "1"
    learningRate = "0.00001"
  }

  output_data_config {
    s3_uri = "s3://example-bedrock-customization/output/"
  }
  training_data_config {
    s3_uri = "s3://example-bedrock-customization/train.jsonl"
  }
}
