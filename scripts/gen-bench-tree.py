#!/usr/bin/env python3
"""Generates a benchmark tree of ordinary Terraform for bedrock-lint.

usage: gen-bench-tree.py [--unique-names] N OUTDIR

Writes N module directories under OUTDIR/modules/mNNNNN, three files each
(main.tf, variables.tf, outputs.tf): an IAM role, a jsonencode'd role policy with
explicit Bedrock model ARNs, an aws_iam_policy_document data source, variables,
locals and outputs. Every tenth module calls the next two modules as local modules,
so module calls are followed and some directories are both roots and children.
The output is deterministic for a given N.

By default every module names its resources alike (aws_iam_role.this, ...), as
real trees of environments do. --unique-names suffixes each resource name with
the module number instead (to separate costs that depend on address clashes).
"""

import os
import sys

MODELS = [
    "anthropic.claude-3-haiku-20240307-v1:0",
    "anthropic.claude-3-5-sonnet-20240620-v1:0",
    "amazon.titan-text-express-v1",
    "meta.llama3-8b-instruct-v1:0",
    "cohere.command-r-v1:0",
]
REGIONS = ["us-east-1", "us-west-2", "eu-central-1", "eu-west-1"]

MAIN = """\
locals {{
  name   = "${{var.prefix}}-svc-{i}"
  region = "{region}"
  model_arns = [
    "arn:aws:bedrock:{region}::foundation-model/{model_a}",
    "arn:aws:bedrock:{region}::foundation-model/{model_b}",
  ]
  tags = merge(var.tags, {{ Service = "svc-{i}", Index = "{i}" }})
}}

resource "aws_iam_role" "this" {{
  name = local.name
  assume_role_policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = {{ Service = "lambda.amazonaws.com" }}
    }}]
  }})
  max_session_duration = 3600
  tags                 = local.tags
}}

resource "aws_iam_role_policy" "invoke" {{
  name = "${{local.name}}-invoke"
  role = aws_iam_role.this.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [
      {{
        Sid      = "InvokeApprovedModels"
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
        Resource = local.model_arns
      }},
      {{
        Sid      = "ReadLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "arn:aws:logs:${{local.region}}:123456789012:log-group:/aws/lambda/${{local.name}}:*"
      }},
    ]
  }})
}}

data "aws_iam_policy_document" "guardrail" {{
  statement {{
    sid       = "ApplyGuardrail"
    effect    = "Allow"
    actions   = ["bedrock:ApplyGuardrail"]
    resources = ["arn:aws:bedrock:${{local.region}}:123456789012:guardrail/gr-{i:05d}"]
  }}
  statement {{
    sid       = "ListModels"
    effect    = "Allow"
    actions   = ["bedrock:ListFoundationModels", "bedrock:GetFoundationModel"]
    resources = ["*"]
  }}
}}

resource "aws_iam_policy" "guardrail" {{
  name   = "${{local.name}}-guardrail"
  policy = data.aws_iam_policy_document.guardrail.json
}}

resource "aws_iam_role_policy_attachment" "guardrail" {{
  role       = aws_iam_role.this.name
  policy_arn = aws_iam_policy.guardrail.arn
}}
{calls}"""

CALL = """
module "child_{j}" {{
  source = "../m{j:05d}"
  prefix = "${{var.prefix}}-c{j}"
  tags   = local.tags
}}
"""

VARIABLES = """\
variable "prefix" {{
  type        = string
  description = "Name prefix for module {i}"
  default     = "bench"
}}

variable "tags" {{
  type    = map(string)
  default = {{ Team = "team-{team}", CostCenter = "cc-{cost}" }}
}}

variable "enabled" {{
  type    = bool
  default = true
}}
"""

OUTPUTS = """\
output "role_arn" {{
  value = aws_iam_role.this.arn
}}

output "role_name" {{
  value = aws_iam_role.this.name
}}

output "model_arns" {{
  value = local.model_arns
}}
"""


def uniquify(text: str, i: int) -> str:
    """Suffixes every resource and data source name, and references to them."""
    for old in ("this", "invoke", "guardrail"):
        new = f"{old}_{i}"
        text = text.replace(f'" "{old}" {{', f'" "{new}" {{')
        for t in ("aws_iam_role", "aws_iam_policy", "aws_iam_policy_document"):
            text = text.replace(f"{t}.{old}.", f"{t}.{new}.")
    return text


def main() -> None:
    args = sys.argv[1:]
    unique = "--unique-names" in args
    args = [a for a in args if a != "--unique-names"]
    if len(args) != 2:
        sys.exit("usage: gen-bench-tree.py [--unique-names] N OUTDIR")
    n = int(args[0])
    out = args[1]
    for i in range(n):
        d = os.path.join(out, "modules", f"m{i:05d}")
        os.makedirs(d, exist_ok=True)
        region = REGIONS[i % len(REGIONS)]
        calls = ""
        if i % 10 == 0:
            calls = "".join(CALL.format(j=j) for j in (i + 1, i + 2) if j < n)
        files = {
            "main.tf": MAIN.format(
                i=i,
                region=region,
                model_a=MODELS[i % len(MODELS)],
                model_b=MODELS[(i + 2) % len(MODELS)],
                calls=calls,
            ),
            "variables.tf": VARIABLES.format(i=i, team=i % 17, cost=i % 101),
            "outputs.tf": OUTPUTS.format(i=i),
        }
        if unique:
            files = {k: uniquify(v, i) for k, v in files.items()}
        for name, text in files.items():
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(text)


if __name__ == "__main__":
    main()
