"""Machinery shared by the example trainers (flags, losses by name, the training loop)."""
