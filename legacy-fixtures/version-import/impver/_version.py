version_info = (0, 8, 3)
