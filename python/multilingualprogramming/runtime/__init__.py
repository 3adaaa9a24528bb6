"""Runtime: the backend selector, its registry, and the pure-Python fallbacks."""
