# Welcome to the tensorlite setup.py.
#
# Environment variables you are probably interested in:
#
#   DEBUG
#     build with -O0 and -g (debug symbols)
#
#   USE_CUDA=0
#     disables CUDA build
#
#   USE_DISTRIBUTED=0
#     disables distributed (c10d, gloo, mpi, etc.) build
#
#   MAX_JOBS
#     maximum number of compile jobs we should use to compile your code
#
#   TENSORLITE_BUILD_VERSION
#     specify the version of tensorlite, rather than the hard-coded version

import glob
import os
import platform
import sys
from os.path import join as pjoin

import setuptools.command.build_ext
import setuptools.command.build_py
from setuptools import Extension, find_packages, setup

python_min_version = (3, 8, 0)
python_min_version_str = ".".join(map(str, python_min_version))
if sys.version_info < python_min_version:
    print("You are using Python {}. Python >={} is required.".format(
        platform.python_version(), python_min_version_str))
    sys.exit(-1)


def check_env_flag(name, default=""):
    return os.getenv(name, default).upper() in ["ON", "1", "YES", "TRUE", "Y"]


def check_negative_env_flag(name, default=""):
    return os.getenv(name, default).upper() in ["OFF", "0", "NO", "FALSE", "N"]


DEBUG = check_env_flag("DEBUG")
REL_WITH_DEB_INFO = check_env_flag("REL_WITH_DEB_INFO")
USE_CUDA = check_env_flag("USE_CUDA")
USE_DISTRIBUTED = not check_negative_env_flag("USE_DISTRIBUTED")
BUILD_LIBTL_WHL = check_env_flag("BUILD_LIBTL_WHL")
MAX_JOBS = os.getenv("MAX_JOBS")

IS_WINDOWS = platform.system() == "Windows"
IS_DARWIN = platform.system() == "Darwin"
IS_LINUX = platform.system() == "Linux"

cwd = os.path.dirname(os.path.abspath(__file__))
lib_path = os.path.join(cwd, "tensorlite", "lib")
package_name = os.getenv("TENSORLITE_PACKAGE_NAME", "tensorlite")

version = open(os.path.join(cwd, "version.txt"), "r").read().strip()
if os.getenv("TENSORLITE_BUILD_VERSION"):
    version = os.getenv("TENSORLITE_BUILD_VERSION")
elif USE_CUDA:
    version += "+cu118"


def report(*args):
    if os.getenv("VERBOSE"):
        print("-- " + " ".join(str(a) for a in args))


class build_ext(setuptools.command.build_ext.build_ext):
    def run(self):
        report("Building with debug info" if DEBUG else "Building without debug info")
        if USE_CUDA:
            report("-- Detected CUDA")
        setuptools.command.build_ext.build_ext.run(self)

    def build_extensions(self):
        for ext in self.extensions:
            report("-- Building extension", ext.name)
        super().build_extensions()

    def get_outputs(self):
        outputs = setuptools.command.build_ext.build_ext.get_outputs(self)
        return outputs


class build_py_with_version(setuptools.command.build_py.build_py):
    def run(self):
        setuptools.command.build_py.build_py.run(self)
        target = os.path.join(self.build_lib, "tensorlite", "_build_info.py")
        with open(target, "w") as f:
            f.write("debug = {!r}\ncuda = {!r}\n".format(DEBUG, USE_CUDA))


class clean(setuptools.Command):
    user_options = []

    def initialize_options(self):
        pass

    def finalize_options(self):
        pass

    def run(self):
        for wildcard in ["build", "*.egg-info", "tensorlite/_C*.so"]:
            for filename in glob.glob(wildcard):
                report("would remove", filename)


def configure_extension_build():
    library_dirs = []
    extra_install_requires = []

    if IS_WINDOWS:
        extra_link_args = []
        extra_compile_args = ["/MD", "/FS", "/EHsc"]
        if DEBUG:
            extra_compile_args += ["/Z7"]
            extra_link_args += ["/DEBUG:FULL"]
    else:
        extra_link_args = []
        extra_compile_args = [
            "-Wall",
            "-Wextra",
            "-Wno-strict-overflow",
            "-Wno-unused-parameter",
            "-Wno-missing-field-initializers",
            "-Wno-unknown-pragmas",
            "-fno-strict-aliasing",
        ]
        if DEBUG:
            extra_compile_args += ["-O0", "-g"]
            extra_link_args += ["-O0", "-g"]
        if REL_WITH_DEB_INFO:
            extra_compile_args += ["-g"]

    libraries = []
    define_macros = [("TL_VERSION", '"{}"'.format(version))]
    if USE_CUDA:
        libraries.append("cudart")
        define_macros.append(("WITH_CUDA", None))
        library_dirs.append("/usr/local/cuda/lib64")
    if IS_DARWIN:
        extra_link_args += ["-Wl,-rpath,@loader_path/lib"]
    elif IS_LINUX:
        extra_link_args += ["-Wl,-rpath,$ORIGIN/lib"]

    extensions = []
    packages = find_packages(exclude=("tools", "tools.*"))
    C = Extension(
        "tensorlite._C",
        libraries=libraries,
        sources=["tensorlite/csrc/stub.c"],
        language="c",
        extra_compile_args=extra_compile_args,
        include_dirs=[pjoin("tensorlite", "include")],
        library_dirs=library_dirs,
        define_macros=define_macros,
        extra_link_args=extra_link_args,
    )
    extensions.append(C)

    cmdclass = {
        "build_ext": build_ext,
        "build_py": build_py_with_version,
        "clean": clean,
    }

    entry_points = {
        "console_scripts": [
            "convert-tl = tensorlite.utils.convert:main",
        ],
    }
    if USE_DISTRIBUTED:
        entry_points["console_scripts"].append("tlrun = tensorlite.distributed.run:main")
        extra_install_requires += ["filelock"]

    return extensions, cmdclass, packages, entry_points, extra_install_requires


def get_package_data():
    # headers are found by walking the include tree, like big frameworks do
    tl_package_data = [
        "py.typed",
        "bin/*",
        "lib/*.so*",
        "lib/*.pdb",
    ]
    include_root = os.path.join(cwd, "tensorlite", "include")
    for root, dirs, files in sorted(os.walk(include_root)):
        dirs.sort()
        rel = os.path.relpath(root, os.path.join(cwd, "tensorlite"))
        if any(f.endswith(".h") for f in files):
            tl_package_data.append(rel.replace(os.sep, "/") + "/*.h")
    if BUILD_LIBTL_WHL:
        tl_package_data.extend(["lib/libtl*"])
    return tl_package_data


def main():
    if MAX_JOBS is not None:
        report("MAX_JOBS", MAX_JOBS)

    install_requires = [
        "typing-extensions>=4.8.0",
        'sympy; python_version >= "3.8"',
        "networkx",
        "jinja2",
        "fsspec",
    ]

    extensions, cmdclass, packages, entry_points, extra_install_requires = configure_extension_build()
    install_requires += extra_install_requires

    extras_require = {
        "optree": ["optree>=0.9.1"],
        "opt-einsum": ["opt-einsum>=3.3"],
    }

    with open(os.path.join(cwd, "README.md"), encoding="utf-8") as f:
        long_description = f.read()

    version_range_max = max(sys.version_info[1], 12) + 1
    classifiers = [
        "Development Status :: 5 - Production/Stable",
        "Intended Audience :: Developers",
        "Intended Audience :: Education",
        "Intended Audience :: Science/Research",
        "License :: OSI Approved :: BSD License",
        "Topic :: Scientific/Engineering",
        "Topic :: Scientific/Engineering :: Mathematics",
        "Topic :: Scientific/Engineering :: Artificial Intelligence",
        "Programming Language :: C",
        "Programming Language :: Python :: 3",
    ] + [
        "Programming Language :: Python :: 3.{}".format(i)
        for i in range(python_min_version[1], version_range_max)
    ]

    setup(
        name=package_name,
        version=version,
        description="Tensors and dynamic neural networks in Python (a fixture)",
        long_description=long_description,
        long_description_content_type="text/markdown",
        ext_modules=extensions,
        cmdclass=cmdclass,
        packages=packages,
        entry_points=entry_points,
        install_requires=install_requires,
        extras_require=extras_require,
        package_data={"tensorlite": get_package_data()},
        url="https://example.org/tensorlite",
        download_url="https://example.org/tensorlite/tags",
        author="TensorLite Team",
        author_email="tensorlite@example.org",
        python_requires=">={}".format(python_min_version_str),
        classifiers=classifiers,
        license="BSD-3",
        keywords="tensorlite tensor machine learning",
    )


if __name__ == "__main__":
    main()
