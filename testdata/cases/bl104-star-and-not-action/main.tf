# BL104 through "*" and through NotAction (every action it does not list). Both grant
# invoke on every resource too, so the "*" resources are BL101. For NotAction the span
# is the NotAction key (the pattern is implicit).
resource "aws_iam_policy" "break_glass" {
  name = "break-glass"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*" # expect: BL104
      Resource = "*" # expect: BL101
    }]
  })
}

resource "aws_iam_policy" "developer" {
  name = "developer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      NotAction = ["iam:*", "organizations:*", "account:*"] # expect: BL104
      Resource  = "*"                                       # expect: BL101
    }]
  })
}
