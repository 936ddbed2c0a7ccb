def main():
    print("tmpl")
