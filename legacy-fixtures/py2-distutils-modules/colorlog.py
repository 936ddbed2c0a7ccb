"""Coloured output for the logging module."""
import logging

COLORS = {'DEBUG': 34, 'INFO': 32, 'WARNING': 33, 'ERROR': 31}


class ColorFormatter(logging.Formatter):
    def format(self, record):
        text = logging.Formatter.format(self, record)
        if COLORS.has_key(record.levelname):
            return '\033[%dm%s\033[0m' % (COLORS[record.levelname], text)
        return text
