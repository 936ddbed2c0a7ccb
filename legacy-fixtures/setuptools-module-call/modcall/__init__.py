name = "modcall"
