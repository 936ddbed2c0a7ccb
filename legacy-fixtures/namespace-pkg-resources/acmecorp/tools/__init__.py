def tool():
    return "acme"
