# BL102 on a Bedrock resource's model through variables: the unapproved model IDs are
# written in terraform.tfvars, where the span points (the fix goes there).
variable "agent_model" {
  type = string
}

variable "embedding_model" {
  type = string
}

variable "region" {
  type    = string
  default = "us-east-1"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support-assistant"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_support"
  foundation_model        = var.agent_model
  instruction             = "Answer customer questions about orders using the order knowledge base."
}

resource "aws_bedrockagent_knowledge_base" "orders" {
  name     = "orders"
  role_arn = "arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForKnowledgeBase_orders"

  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:${var.region}::foundation-model/${var.embedding_model}"
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
