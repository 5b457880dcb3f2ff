# Roles and their policies created in one apply. In the plan, a policy's `role`
# (aws_iam_role.ingest.id) and an attachment's `policy_arn` (aws_iam_policy.admin.arn)
# are known only after apply; the plan's configuration section names the resource each
# refers to, so the plan alone links the policies to the role as the HCL does: the role
# gets both an invoke and an admin grant (BL201), inside the module instance too, and
# a module input is followed to the resource it names.
resource "aws_iam_role" "ingest" { # expect: BL201
  name = "ingest-invoke"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  name = "invoke-claude"
  role = aws_iam_role.ingest.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel"]
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
    }]
  })
}

resource "aws_iam_policy" "admin" {
  name = "bedrock-logging-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:PutModelInvocationLoggingConfiguration"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.ingest.name
  policy_arn = aws_iam_policy.admin.arn
}

module "team" {
  source   = "./modules/team"
  for_each = toset(["search"])
  name     = each.key
}

# A module handed the role's id: inside, the policy's role is var.role, which the plan
# links through the module call's expression to aws_iam_role.ingest.
module "extra" {
  source = "./modules/extra"
  role   = aws_iam_role.ingest.id
}
