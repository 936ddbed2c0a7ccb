# platform answers for the target Python (distill python's default: CPython
# 3.11 on the host's OS and architecture), with fixed neutral values for
# what the target does not carry (release, node).
import platform

print(platform.system())
print(platform.machine())
print(platform.python_version())
print(platform.python_version_tuple())
print(platform.python_implementation())
print(repr(platform.release()), repr(platform.node()))
print(platform.platform())
print(platform.platform(terse=True))
print(platform.architecture())
u = platform.uname()
print(u.system, u.machine, u[0], len(u))
print(platform.mac_ver())
print(platform.libc_ver())
print(platform.win32_ver())

#> Linux
#> {machine}
#> 3.11.7
#> ('3', '11', '7')
#> CPython
#> '' 'localhost'
#> Linux-{machine}-with-glibc2.17
#> Linux
#> ('64bit', 'ELF')
#> Linux {machine} Linux 5
#> ('', ('', '', ''), '')
#> ('glibc', '2.17')
#> ('', '', '', '')
