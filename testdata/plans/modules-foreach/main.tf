# A local module called with for_each over {dev, prod}; each instance creates a role
# and a role policy written with jsonencode. The dev instance's model list holds an
# any-model pattern, written here in the for_each map: the finding for
# module.app["dev"] points at that literal, from HCL and from plan.json alike.
locals {
  environments = {
    dev = {
      models = ["arn:aws:bedrock:us-east-1::foundation-model/*"] # expect: BL101
    }
    prod = {
      models = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
    }
  }
}

module "app" {
  source   = "./modules/app-role"
  for_each = local.environments

  environment = each.key
  model_arns  = each.value.models
}
