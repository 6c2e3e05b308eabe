"""2D mixture-of-Gaussians benchmarks (ring, grid) of VEEGAN/PacGAN."""
