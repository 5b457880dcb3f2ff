# A role module in the style of the most used community modules: trust statements
# come in through a typed variable whose attributes are optional with defaults.
variable "name" {
  type = string
}

variable "trust_statements" {
  type = map(object({
    effect  = optional(string, "Allow")
    actions = optional(list(string), ["sts:AssumeRoleWithWebIdentity"])
    principals = optional(list(object({
      type        = string
      identifiers = list(string)
    })), [])
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
}

variable "policy_arns" {
  type    = list(string)
  default = []
}

data "aws_iam_policy_document" "trust" {
  dynamic "statement" {
    for_each = var.trust_statements
    content {
      sid     = statement.key
      effect  = statement.value.effect
      actions = statement.value.actions

      dynamic "principals" {
        for_each = statement.value.principals
        content {
          type        = principals.value.type
          identifiers = principals.value.identifiers
        }
      }

      dynamic "condition" {
        for_each = statement.value.conditions
        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each   = toset(var.policy_arns)
  role       = aws_iam_role.this.name
  policy_arn = each.value
}
