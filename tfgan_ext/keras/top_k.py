# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Top-k training in the Keras train step (`compile(top_k_epoch_steps=...)`).

The generator loss is the compiled loss over the k generated examples of the
global batch that D rates best (`tfgan_ext.losses.wargs.top_k_mask`; Sinha
et al. 2020), with k = floor(max(gamma^epoch, nu) * B) and epoch = generator
steps // `epoch_steps`. The selection is global under `tf.distribute` (the
scores are all-gathered); each replica then returns the mean over its own
examples of mask * loss / (k / B), which, weighted by its share B_r / B as
every loss of the step is, sums over replicas to the mean over the k kept
examples: the loss of one device.
"""

import tensorflow as tf

from tfgan_ext.keras import distribute
from tfgan_ext.losses import _checks
from tfgan_ext.losses import top_k_impl
from tfgan_ext.losses import wargs

__all__ = ['TopK']

_SUM_OVER_BATCH_SIZE = tf.compat.v1.losses.Reduction.SUM_OVER_BATCH_SIZE


class TopK:
  """The top-k schedule and the restricted generator loss.

  Args:
    generator_loss: The compiled generator `step_losses.StepLoss`.
    epoch_steps: Generator steps per epoch of the schedule (an int >= 1).
    gamma: The kept share's decay per epoch, in (0, 1] (the paper's 0.99).
    nu: The smallest share kept, in (0, 1] (the paper's 0.5).

  Raises:
    ValueError: a generator loss that cannot be restricted to the top k
      (it needs more than D's outputs on generated data, or takes no
      `weights`: the relativistic losses), or bad settings.
    TypeError: a non-int `epoch_steps`.
  """

  logged_name = 'top_k_fraction'

  def __init__(self, generator_loss, epoch_steps, gamma, nu):
    _checks.positive_int(epoch_steps, 'top_k_epoch_steps')
    top_k_impl.check_settings(gamma, nu, prefix='top_k_')
    self.loss_fn = top_k_impl.restrictable(generator_loss.fn)
    self.generator_loss = generator_loss
    self.epoch_steps = epoch_steps
    self.gamma = float(gamma)
    self.nu = float(nu)

  def fraction(self, step):
    """The share kept at generator step `step` (a float32 scalar)."""
    epoch = tf.cast(step, tf.int64) // self.epoch_steps
    return wargs.top_k_fraction(epoch, self.gamma, self.nu)

  def loss(self, tensors, step):
    """(this replica's generator loss term, the share kept k / B).

    Args:
      tensors: The step's tensors (D's outputs on generated data).
      step: The generator step being taken (its optimizer's iterations).
    """
    outputs = tensors['discriminator_gen_outputs']
    mask = wargs.top_k_mask(outputs, self.fraction(step))
    kept = distribute.global_means({'kept': (
        tf.reduce_mean(mask), tf.cast(tf.size(mask), tf.float32))})['kept'][0]
    value = self.loss_fn(
        discriminator_gen_outputs=outputs, weights=mask / kept,
        loss_collection=None, reduction=_SUM_OVER_BATCH_SIZE,
        **self.generator_loss.extra_kwargs)
    return tf.cast(value, tf.float32), kept
