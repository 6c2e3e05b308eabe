"""The tfgan_ext version (read by setup.cfg)."""

__version__ = '0.1.0'
