class JsonPlugin:
    pass


class YamlPlugin:
    pass
