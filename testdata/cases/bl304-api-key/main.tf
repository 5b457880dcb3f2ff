# BL304: a long-term Amazon Bedrock API key for a service user.
resource "aws_iam_user" "chatbot" {
  name = "chatbot-service"
}

resource "aws_iam_service_specific_credential" "bedrock" { # expect: BL304
  service_name = "bedrock.amazonaws.com"
  user_name    = aws_iam_user.chatbot.name
}
