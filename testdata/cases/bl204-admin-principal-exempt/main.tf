# admin_principals (by address, and by name glob) exempts the platform roles from
# BL204, but not from the principal rules: the BL201 doc says admin_principals does not
# exempt a principal that both invokes and administers, and these managed policies
# grant both (AdministratorAccess also grants secrets reads and IAM changes).
resource "aws_iam_role" "bedrock_platform" { # expect: BL201
  name = "bedrock-platform-admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:acme/bedrock-platform:environment:prod"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "bedrock_platform" {
  role       = aws_iam_role.bedrock_platform.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockFullAccess"
}

# Break-glass role for platform engineers, signed in through IAM Identity Center.
resource "aws_iam_role" "breakglass" { # expect: BL201, BL202, BL203
  name = "bedrock-platform-breakglass"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PlatformAdmin_0a1b2c3d4e5f6789" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "breakglass" {
  role       = aws_iam_role.breakglass.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
