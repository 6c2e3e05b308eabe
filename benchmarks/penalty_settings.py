# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The penalty settings both benchmarks measure, and where the values are from.

`PENALTIES`: (label, base loss, penalty name, weight, every). Weights are
the papers' usual values:

* WGAN-GP: lambda = 10 (Gulrajani et al. 2017, arXiv:1704.00028, Alg. 1);
* R1: gamma = 10 (Mescheder et al. 2018, arXiv:1801.04406, used gamma = 10
  in most of their experiments), i.e. weight gamma / 2 = 5 in
  tfgan_ext.losses.with_penalty (whose R1 weight is gamma / 2);
* R1 lazy: the same, applied every 16 steps with weight x 16 (StyleGAN2,
  arXiv:1912.04958, section 3.1, uses k = 16);
* DRAGAN: lambda = 10 (Kodali et al. 2017, arXiv:1705.07215).
"""

__all__ = ['PENALTIES']

PENALTIES = (
    ('WGAN-GP (λ=10)', 'wasserstein', 'wasserstein_gradient_penalty', 10.0, 1),
    ('R1 (γ=10)', 'modified', 'r1', 5.0, 1),
    ('R1 lazy /16 (γ=10)', 'modified', 'r1', 5.0, 16),
    ('DRAGAN (λ=10)', 'modified', 'dragan', 10.0, 1),
)
