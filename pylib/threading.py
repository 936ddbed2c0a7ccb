"""threading: locks and thread-local data work (there is only one thread);
starting a thread is refused like running a program."""


class _Lock:
    def acquire(self, blocking=True, timeout=-1):
        return True

    def release(self):
        pass

    def locked(self):
        return False

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False


def Lock():
    return _Lock()


def RLock():
    return _Lock()


class Condition(_Lock):
    def __init__(self, lock=None):
        pass

    def wait(self, timeout=None):
        return True

    def notify(self, n=1):
        pass

    def notify_all(self):
        pass


class Semaphore(_Lock):
    def __init__(self, value=1):
        pass


BoundedSemaphore = Semaphore


class Event:
    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        return self._flag


class local:
    pass


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, daemon=None):
        self.name = name or "Thread-1"
        self.daemon = bool(daemon)

    def start(self):
        raise OSError("not allowed in distill: starting threads")

    def join(self, timeout=None):
        pass

    def is_alive(self):
        return False


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread")


_main = _MainThread()


def current_thread():
    return _main


def main_thread():
    return _main


def get_ident():
    return 1


def active_count():
    return 1


def enumerate():
    return [_main]
