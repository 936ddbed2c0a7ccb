class EchoFactory(object):
    def buildProtocol(self, addr):
        return None
