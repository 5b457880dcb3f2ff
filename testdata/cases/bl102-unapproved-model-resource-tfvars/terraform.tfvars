agent_model     = "meta.llama3-1-70b-instruct-v1:0" # expect: BL102
embedding_model = "cohere.embed-multilingual-v3"    # expect: BL102
