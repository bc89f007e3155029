"""dateline's version, in a module of its own at the bottom layer.

The package root (``dateline/__init__.py``) re-exports it; modules inside dateline import it from
here, since the root's lazy public API names the pipeline and the readers above them.
"""

__version__ = "0.1.0"
