# The clock is fixed for deterministic builds: SOURCE_DATE_EPOCH (the test
# runner sets 1700000000) or 0; the local zone is UTC; it does not advance.
import datetime
import getpass
import time

print(time.time(), time.time_ns(), time.localtime(), time.ctime())
start = time.perf_counter()
time.sleep(10)
print(time.perf_counter() - start, time.monotonic(), time.timezone, time.tzname)
print(time.strftime('%Y-%m-%d %H:%M:%S %Z %z'))
print(datetime.datetime.now(), datetime.datetime.utcnow(), datetime.date.today())
print(datetime.datetime.now(datetime.timezone.utc).isoformat())
print(getpass.getuser())

#> 1700000000.0 1700000000000000000 time.struct_time(tm_year=2023, tm_mon=11, tm_mday=14, tm_hour=22, tm_min=13, tm_sec=20, tm_wday=1, tm_yday=318, tm_isdst=0) Tue Nov 14 22:13:20 2023
#> 0.0 0.0 0 ('UTC', 'UTC')
#> 2023-11-14 22:13:20 GMT +0000
#> 2023-11-14 22:13:20 2023-11-14 22:13:20 2023-11-14
#> 2023-11-14T22:13:20+00:00
#> distill
