# Silent: a service-specific credential for another service is not a Bedrock API key.
resource "aws_iam_user" "git_mirror" {
  name = "git-mirror"
}

resource "aws_iam_service_specific_credential" "codecommit" {
  service_name = "codecommit.amazonaws.com"
  user_name    = aws_iam_user.git_mirror.name
}
