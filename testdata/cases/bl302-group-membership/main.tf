# BL302 through a group: aws_iam_group_membership puts the user in a group whose
# attached policy reads Bedrock configuration (any Bedrock action counts).
resource "aws_iam_user" "auditor" {
  name = "jane.doe"
}

resource "aws_iam_group" "auditors" {
  name = "bedrock-auditors"
}

resource "aws_iam_group_membership" "auditors" {
  name  = "bedrock-auditors"
  group = aws_iam_group.auditors.name
  users = [aws_iam_user.auditor.name]
}

resource "aws_iam_group_policy_attachment" "read_only" { # expect: BL302
  group      = aws_iam_group.auditors.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockReadOnly"
}
