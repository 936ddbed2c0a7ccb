from setuptools import setup

PYTHON_VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11"]
TOPICS = ("Software Development :: Libraries", "Utilities")

CLASSIFIERS = [
    "Development Status :: 4 - Beta",
    "Intended Audience :: Developers",
    "License :: OSI Approved :: MIT License",
    "Programming Language :: Python :: 3",
] + ["Programming Language :: Python :: %s" % v for v in PYTHON_VERSIONS] + [
    "Topic :: {}".format(t) for t in TOPICS
] + ["Programming Language :: Python :: Implementation :: " + impl
     for impl in ("CPython", "PyPy") if impl]

setup(
    name="clspkg",
    version="0.4.0",
    description="Classifiers from comprehensions",
    classifiers=CLASSIFIERS,
    packages=["clspkg"],
    python_requires=">=" + PYTHON_VERSIONS[0],
    keywords=" ".join(sorted({"classifiers", "comprehension", "trove"})),
)
