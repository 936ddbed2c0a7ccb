# findpkg/plugins/builtin
