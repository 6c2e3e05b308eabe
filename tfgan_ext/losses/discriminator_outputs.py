# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What a conditional discriminator head returns, when a logit is not enough.

The concatenation and projection heads return one logit per example, like an
unconditional discriminator: every unconditional loss trains them. The other
heads return a `DiscriminatorOutputs`, whose fields the conditional losses
read (`tfgan_ext.losses.conditional_names()` and the table beside them):

* `logits`: [B] or [B, 1] real/fake logits (AC, D2D-CE's adversarial term);
* `class_logits`: [B, K] class logits (AC), or [B, K + 1] with the last
  column the "generated" class (multi-hinge);
* `embeddings`: [B, E] the examples' embeddings (D2D-CE);
* `proxies`: [B, E] the embeddings of the examples' own classes, the head's
  class-embedding rows gathered by label (D2D-CE).
"""

import collections

__all__ = ['DiscriminatorOutputs']

DiscriminatorOutputs = collections.namedtuple(
    'DiscriminatorOutputs', ['logits', 'class_logits', 'embeddings',
                             'proxies'],
    defaults=(None, None, None, None))
