# findpkg/plugins
