def main():
    print("envpkg")
