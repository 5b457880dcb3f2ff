# A key id written with an escape is still one: the string is what Terraform reads.
locals {
  escaped_key_id = "\u0041KIAIOSFODNN7EXAMPL2" # expect: BL303
}
