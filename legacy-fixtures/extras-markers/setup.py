from setuptools import setup

setup(
    name="markerpkg",
    version="2.26.0",
    description="Requirements with environment markers",
    packages=["markerpkg"],
    python_requires=">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*",
    install_requires=[
        "chardet>=3.0.2,<5",
        "idna>=2.5,<3",
        "urllib3>=1.21.1,<1.27",
        'colorama; platform_system == "Windows"',
        "certifi>=2017.4.17",
    ],
    extras_require={
        "security": ["pyOpenSSL >= 0.14", "cryptography>=1.3.4"],
        "socks": ["PySocks>=1.5.6, !=1.5.7"],
        'socks:sys_platform == "win32" and python_version == "2.7"': ["win_inet_pton"],
        ':python_version < "3.8"': ["importlib-metadata>=1.0"],
        "test": ["pytest>=3", 'mock; python_version < "3.3"'],
    },
)
