chat_model_id = "mistral.mistral-large-2407-v1:0" # expect: BL102
