# Silent: every model the Bedrock resources name is covered by approved_models, as a
# model ID, an inference profile ID or an ARN.
resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support-assistant"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_support"
  foundation_model        = "us.anthropic.claude-3-5-sonnet-20240620-v1:0"
  instruction             = "Answer customer questions about orders using the order knowledge base."
}

resource "aws_bedrockagent_knowledge_base" "orders" {
  name     = "orders"
  role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForKnowledgeBase_orders"

  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
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
    copy_from = "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0"
  }
}
