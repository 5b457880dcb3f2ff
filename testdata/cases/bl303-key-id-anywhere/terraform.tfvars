temporary_key_id = "AKIAI44QH8DHBEXAMPLE" # expect: BL303
