# findpkg/tests
