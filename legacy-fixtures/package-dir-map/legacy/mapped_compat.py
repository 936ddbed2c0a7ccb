from mapped import *  # noqa
