def main():
    print("convert")
