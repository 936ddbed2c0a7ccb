def main():
    return 0


def admin():
    return 0
