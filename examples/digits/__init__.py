"""DCGAN-style image GAN on small digit images (offline by default)."""
