import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

COPT = {
    "msvc": ["/O2"],
    "unix": ["-O2", "-Wno-unused-function"],
    "mingw32": ["-O2"],
}


class BuildExtWithFlags(build_ext):
    def build_extensions(self):
        ctype = self.compiler.compiler_type
        for ext in self.extensions:
            ext.extra_compile_args = list(ext.extra_compile_args) + COPT.get(ctype, [])
        build_ext.build_extensions(self)


def extensions():
    macros = [("FASTMATH_VERSION", "3")]
    if sys.byteorder == "big":
        macros.append(("FASTMATH_BIG_ENDIAN", "1"))
    return [
        Extension(
            "fastmath._speedups",
            sources=["fastmath/_speedups.c"],
            define_macros=macros,
            depends=["fastmath/speedups.h"],
            optional=True,
        )
    ]


setup(
    name="fastmath",
    version="1.0.2",
    description="A package with a C speedups module",
    packages=["fastmath"],
    ext_modules=extensions(),
    cmdclass={"build_ext": BuildExtWithFlags},
    license="MIT",
)
