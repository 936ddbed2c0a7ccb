def main():
    print("tlrun")
