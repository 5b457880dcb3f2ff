# BL204 through aws_iam_role_policy_attachments_exclusive: PowerUserAccess (Allow
# NotAction iam/organizations/account on "*") on a workload role. It also grants invoke
# and admin (BL201), secrets reads (BL202) and sts:AssumeRole on "*" (BL203).
resource "aws_iam_role" "report_builder" { # expect: BL201, BL202, BL203
  name = "report-builder"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachments_exclusive" "report_builder" {
  role_name = aws_iam_role.report_builder.name
  policy_arns = [
    "arn:aws:iam::aws:policy/PowerUserAccess", # expect: BL204
  ]
}
