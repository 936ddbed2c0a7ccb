print("codegen would run here")
