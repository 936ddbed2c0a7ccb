WIDGETS = ["button"]
