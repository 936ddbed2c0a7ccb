def make_app(global_conf, **settings):
    return None
