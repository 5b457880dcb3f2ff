# Silent: a (legacy) access key for a user with no Bedrock access at all is out of
# scope for bedrock-lint.
resource "aws_iam_user" "backup" {
  name = "legacy-backup"
}

resource "aws_iam_user_policy" "backup" {
  name = "write-backups"
  user = aws_iam_user.backup.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:PutObject"]
      Resource = "arn:aws:s3:::acme-backups/*"
    }]
  })
}

resource "aws_iam_access_key" "backup" {
  user = aws_iam_user.backup.name
}
