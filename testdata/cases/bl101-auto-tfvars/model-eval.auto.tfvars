# Left behind after a model evaluation.
model_arns = ["*"] # expect: BL101
