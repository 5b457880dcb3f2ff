# A missing comma between the two list elements.
model_arns = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0" "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"] # expect: BL900
