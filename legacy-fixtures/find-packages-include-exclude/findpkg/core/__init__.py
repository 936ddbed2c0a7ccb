# findpkg/core
