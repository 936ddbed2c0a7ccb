# findpkg
