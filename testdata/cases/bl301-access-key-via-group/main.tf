# BL301 through a group: the user's Bedrock access comes from its group (BL302 at the
# group's policy, the grant).
resource "aws_iam_user" "etl" {
  name = "nightly-etl"
}

resource "aws_iam_group" "bedrock_users" {
  name = "bedrock-users"
}

resource "aws_iam_user_group_membership" "etl" {
  user   = aws_iam_user.etl.name
  groups = [aws_iam_group.bedrock_users.name]
}

resource "aws_iam_group_policy" "invoke" { # expect: BL302
  name  = "invoke-embeddings"
  group = aws_iam_group.bedrock_users.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }]
  })
}

resource "aws_iam_access_key" "etl" { # expect: BL301
  user = aws_iam_user.etl.name
}
