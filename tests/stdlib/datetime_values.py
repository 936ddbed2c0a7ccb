import datetime
import time
from datetime import date, timedelta, timezone

d = datetime.datetime(2023, 11, 14, 22, 13, 20)
print(d, repr(d), d.isoformat(), d.isoformat(' ', 'minutes'), d.strftime('%c|%Y-%m-%d %H:%M:%S|%j %U %W %a %A %b %B %p %I %y %f'))
print(d.year, d.month, d.day, d.hour, d.minute, d.second, d.weekday(), d.isoweekday(), d.isocalendar())
print(d.date(), d.time(), repr(d.date()), repr(d.time()), d.timetuple(), d.ctime())
print(d + timedelta(days=50, hours=3), d - timedelta(weeks=100), d - datetime.datetime(2000, 1, 1))
print(d.replace(year=2020, microsecond=5), repr(datetime.datetime(2020, 1, 1, 0, 0, 0, 7)), d.timestamp())
print(datetime.datetime.fromtimestamp(1700000000, timezone.utc), datetime.datetime.utcfromtimestamp(86400 * 365.25))
print(datetime.datetime.fromisoformat('2024-02-29T12:30:45.123'), datetime.datetime.fromisoformat('2024-01-02'))
print(repr(datetime.datetime.fromisoformat('2024-01-02T03:04:05+01:00')), date.fromisoformat('1999-12-31'))
dd = date(2024, 1, 5)
print(dd, repr(dd), dd.toordinal(), date.fromordinal(738890), dd.weekday(), dd.isocalendar(), dd.strftime('%d/%m/%Y %a'))
print(dd + timedelta(days=60), dd - date(2023, 1, 5), dd > date(2023, 12, 31), dd == date(2024, 1, 5), dd.replace(day=31), dd.ctime())
print(f'{dd:%Y%m%d}', format(d, '%H:%M'), str(dd), sorted([date(2024, 3, 1), date(2023, 5, 2)]))
for td in [timedelta(days=1, seconds=5), timedelta(days=-1, seconds=5), timedelta(hours=25, microseconds=3),
           timedelta(0), timedelta(minutes=-1), timedelta(milliseconds=1500), timedelta(weeks=2, hours=1.5)]:
    print(repr(td), str(td), td.total_seconds(), td.days, td.seconds, td.microseconds, bool(td))
print(timedelta(hours=1) * 3, timedelta(hours=3) / 2, timedelta(hours=3) // timedelta(minutes=7), abs(timedelta(-3)), -timedelta(1))
print(timedelta(hours=1) < timedelta(hours=2), timedelta(seconds=60) == timedelta(minutes=1), divmod(timedelta(hours=5), timedelta(hours=2)))
print(repr(timezone.utc), timezone(timedelta(hours=5, minutes=30)), repr(timezone(timedelta(hours=-2), 'X')), timezone.utc.tzname(None))
aware = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
print(aware, aware.utcoffset(), aware.tzname(), aware.astimezone(timezone.utc), aware.timestamp(), aware.strftime('%z %Z'))
print(time.gmtime(1700000000), time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(0)), time.asctime(time.gmtime(1e9)))
print(time.mktime((2023, 11, 14, 22, 13, 20, 1, 318, 0)) == 1700000000 + time.timezone, time.gmtime(-86400)[:3], time.gmtime(951782400)[:8])
for bad in [lambda: date(2023, 2, 29), lambda: date(2024, 13, 1), lambda: datetime.datetime(2024, 1, 1, 24)]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
