"""time: a fixed clock, for deterministic builds.

time() is SOURCE_DATE_EPOCH when the environment sets it, else 0 (the
epoch); it does not advance, and sleep() returns at once. The local time
zone is UTC, so localtime() equals gmtime(). strftime() formats as the C
locale does.
"""

import os

__all__ = ['altzone', 'asctime', 'ctime', 'daylight', 'gmtime', 'localtime',
           'mktime', 'monotonic', 'monotonic_ns', 'perf_counter',
           'perf_counter_ns', 'process_time', 'process_time_ns', 'sleep',
           'strftime', 'struct_time', 'time', 'time_ns', 'timezone', 'tzname']

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
         'Sunday']
_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
           'August', 'September', 'October', 'November', 'December']
_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
           'tm_wday', 'tm_yday', 'tm_isdst')


def time():
    """SOURCE_DATE_EPOCH (an integer) when set, else 0."""
    value = os.environ.get('SOURCE_DATE_EPOCH', '')
    try:
        return float(int(value.strip()))
    except ValueError:
        return 0.0


def time_ns():
    return int(time()) * 1000000000


# Durations measured by a script come out as zero: the clock is fixed.
def monotonic():
    return 0.0


def monotonic_ns():
    return 0


perf_counter = monotonic
perf_counter_ns = monotonic_ns
process_time = monotonic
process_time_ns = monotonic_ns
thread_time = monotonic
thread_time_ns = monotonic_ns


def sleep(secs):
    if secs < 0:
        raise ValueError('sleep length must be non-negative')


class struct_time(tuple):
    """(tm_year, tm_mon, tm_mday, tm_hour, tm_min, tm_sec, tm_wday, tm_yday,
    tm_isdst), with tm_zone and tm_gmtoff as attributes."""

    tm_zone = 'UTC'
    tm_gmtoff = 0

    @property
    def tm_year(self):
        return self[0]

    @property
    def tm_mon(self):
        return self[1]

    @property
    def tm_mday(self):
        return self[2]

    @property
    def tm_hour(self):
        return self[3]

    @property
    def tm_min(self):
        return self[4]

    @property
    def tm_sec(self):
        return self[5]

    @property
    def tm_wday(self):
        return self[6]

    @property
    def tm_yday(self):
        return self[7]

    @property
    def tm_isdst(self):
        return self[8]

    def __repr__(self):
        return 'time.struct_time(%s)' % ', '.join(
            '%s=%r' % (name, value) for name, value in zip(_FIELDS, self))


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_month(year, month):
    days = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][month - 1]
    if month > 2 and _is_leap(year):
        days += 1
    return days


def _civil_from_days(days):
    """(year, month, day) of a day count since 1970-01-01 (H. Hinnant)."""
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y, m, d)


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m - 3 if m > 2 else m + 9) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def gmtime(secs=None):
    if secs is None:
        secs = time()
    secs = int(secs // 1)
    days, rest = divmod(secs, 86400)
    year, month, day = _civil_from_days(days)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    wday = (days + 3) % 7
    yday = _days_before_month(year, month) + day
    return struct_time((year, month, day, hour, minute, second, wday, yday, 0))


def localtime(secs=None):
    return gmtime(secs)


def _tuple(t):
    if t is None:
        return gmtime()
    t = tuple(t)
    if len(t) != 9:
        raise TypeError('time.struct_time() takes a 9-sequence (%d-sequence given)'
                        % len(t))
    return t


def mktime(t):
    t = _tuple(t)
    days = _days_from_civil(t[0], t[1], t[2])
    return float(days * 86400 + t[3] * 3600 + t[4] * 60 + t[5])


def _week_number(yday, wday, first_weekday):
    """%U (weeks starting Sunday) and %W (weeks starting Monday)."""
    if first_weekday == 6:
        weekday = (wday + 1) % 7
    else:
        weekday = wday
    return (yday + 6 - weekday) // 7


def _iso_calendar(year, month, day):
    days = _days_from_civil(year, month, day)
    weekday = (days + 3) % 7 + 1
    thursday = days - weekday + 4
    iso_year = _civil_from_days(thursday)[0]
    week = (thursday - _days_from_civil(iso_year, 1, 1)) // 7 + 1
    return iso_year, week, weekday


def strftime(format, t=None):
    t = _tuple(t)
    year, month, day, hour, minute, second, wday, yday = t[:8]
    out = []
    i = 0
    while i < len(format):
        c = format[i]
        if c != '%' or i + 1 >= len(format):
            out.append(c)
            i += 1
            continue
        code = format[i + 1]
        i += 2
        if code == 'Y':
            out.append(str(year))
        elif code == 'y':
            out.append('%02d' % (year % 100))
        elif code == 'C':
            out.append('%02d' % (year // 100))
        elif code == 'm':
            out.append('%02d' % month)
        elif code == 'd':
            out.append('%02d' % day)
        elif code == 'e':
            out.append('%2d' % day)
        elif code == 'H':
            out.append('%02d' % hour)
        elif code == 'I':
            out.append('%02d' % (hour % 12 or 12))
        elif code == 'M':
            out.append('%02d' % minute)
        elif code == 'S':
            out.append('%02d' % second)
        elif code == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif code == 'a':
            out.append(_DAYS[wday][:3])
        elif code == 'A':
            out.append(_DAYS[wday])
        elif code == 'b' or code == 'h':
            out.append(_MONTHS[month - 1][:3])
        elif code == 'B':
            out.append(_MONTHS[month - 1])
        elif code == 'j':
            out.append('%03d' % yday)
        elif code == 'w':
            out.append(str((wday + 1) % 7))
        elif code == 'u':
            out.append(str(wday + 1))
        elif code == 'U':
            out.append('%02d' % _week_number(yday, wday, 6))
        elif code == 'W':
            out.append('%02d' % _week_number(yday, wday, 0))
        elif code == 'G':
            out.append(str(_iso_calendar(year, month, day)[0]))
        elif code == 'V':
            out.append('%02d' % _iso_calendar(year, month, day)[1])
        elif code == 'c':
            out.append(strftime('%a %b %e %H:%M:%S %Y', t))
        elif code == 'x' or code == 'D':
            out.append(strftime('%m/%d/%y', t))
        elif code == 'X' or code == 'T':
            out.append(strftime('%H:%M:%S', t))
        elif code == 'F':
            out.append(strftime('%Y-%m-%d', t))
        elif code == 'R':
            out.append(strftime('%H:%M', t))
        elif code == 'z':
            out.append('+0000')
        elif code == 'Z':
            out.append('GMT')
        elif code == 'n':
            out.append('\n')
        elif code == 't':
            out.append('\t')
        elif code == '%':
            out.append('%')
        else:
            out.append('%' + code)
    return ''.join(out)


def asctime(t=None):
    return strftime('%a %b %e %H:%M:%S %Y', _tuple(t))


def ctime(secs=None):
    return asctime(localtime(secs))


def strptime(string, format='%a %b %d %H:%M:%S %Y'):
    raise NotImplementedError('time.strptime is not available in distill')


def get_clock_info(name):
    raise ValueError('unknown clock')
