"""mutpkg"""
