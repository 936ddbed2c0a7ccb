def helper():
    return "sub"
