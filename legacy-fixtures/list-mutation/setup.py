from setuptools import setup

packages = ["mutpkg"]
packages.append("mutpkg.extra")
packages += ["mutpkg.more"]

install_requires = []
install_requires.extend(["six", "attrs>=19"])
install_requires += ["packaging"]
install_requires.insert(0, "setuptools")
install_requires.remove("six")

classifiers = ["Programming Language :: Python :: 3", "Intended Audience :: Developers"]
classifiers.sort()
classifiers = classifiers + ["License :: OSI Approved :: MIT License"]

package_data = {}
package_data["mutpkg"] = ["*.txt"]
package_data.update({"mutpkg.extra": ["data/*.dat"]})

keywords = ["one"]
keywords *= 2
keywords[1] = "two"

setup(
    name="mutpkg",
    version="0.1.1",
    description="Lists and dicts mutated before setup()",
    packages=packages,
    install_requires=install_requires,
    classifiers=classifiers,
    package_data=package_data,
    keywords=keywords,
)
