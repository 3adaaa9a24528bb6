"""The package version: the one place it is written.

setup.py reads it and passes it to the Go build (``-X main.Version``), so the
native extension reports the same version; a mismatch is an ImportError.
"""

__version__ = "0.1.0"
