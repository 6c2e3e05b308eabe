# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Top-k training in a TF-GAN graph (`tfgan.gan_train`, GANEstimator).

Sinha et al. 2020 (https://arxiv.org/abs/2002.06224): the generator learns
only from the generated examples the discriminator rates best, a share of
the batch that decays by gamma per epoch down to nu. This reads the epoch
from the global step and restricts any generator loss that takes weights:

  top_k = tfgan_ext.top_k.TopK(epoch_steps=len(data) // batch_size)
  loss = tfgan.gan_loss(
      model, generator_loss_fn=top_k.generator_loss(g_loss_fn),
      discriminator_loss_fn=d_loss_fn)

The kept share is summarized as 'top_k_fraction'. The maths is
`tfgan_ext.losses.wargs.top_k_generator_loss`; the Keras trainer's
counterpart is `compile(top_k_epoch_steps=...)`.
"""

import tensorflow as tf

from tfgan_ext.losses import _checks
from tfgan_ext.losses import _reduction
from tfgan_ext.losses import top_k_impl
from tfgan_ext.losses import wargs

__all__ = ['TopK']

_v1 = tf.compat.v1


class TopK:
  """Top-k training's schedule on the global step (module docstring).

  Args:
    epoch_steps: Global steps per epoch of the schedule (an int >= 1).
    gamma: The kept share's decay per epoch, in (0, 1] (the paper's 0.99).
    nu: The smallest share kept, in (0, 1] (the paper's 0.5).

  Raises:
    TypeError: a non-int `epoch_steps`.
    ValueError: `epoch_steps` < 1, gamma or nu outside (0, 1].
  """

  def __init__(self, epoch_steps, gamma=0.99, nu=0.5):
    _checks.positive_int(epoch_steps, 'epoch_steps')
    top_k_impl.check_settings(gamma, nu)
    self.epoch_steps = epoch_steps
    self.gamma = float(gamma)
    self.nu = float(nu)

  def fraction(self):
    """The share kept at the current global step (float32 scalar)."""
    step = _v1.train.get_or_create_global_step()
    epoch = tf.cast(step, tf.int64) // self.epoch_steps
    return wargs.top_k_fraction(epoch, self.gamma, self.nu)

  def generator_loss(self, generator_loss_fn):
    """`generator_loss_fn` over the top k, as a GANModel-style loss.

    Args:
      generator_loss_fn: A generator loss of D's outputs on generated data
        that takes `weights`, in either style (e.g.
        `tfgan_ext.losses.get('hinge').generator_loss_fn`).

    Returns:
      `fn(gan_model, reduction=..., add_summaries=False)` for
      `tfgan.gan_loss`.

    Raises:
      ValueError: a loss that cannot be restricted (relativistic ones).
    """
    fn = top_k_impl.restrictable(generator_loss_fn)

    def generator_loss(gan_model, reduction=_reduction.DEFAULT_REDUCTION,
                       add_summaries=False):
      fraction = self.fraction()
      if add_summaries:
        _v1.summary.scalar('top_k_fraction', fraction)
      return wargs.top_k_generator_loss(
          gan_model.discriminator_gen_outputs, fraction,
          generator_loss_fn=fn, reduction=reduction,
          add_summaries=add_summaries)

    generator_loss.__name__ = getattr(fn, '__name__',
                                      'generator_loss') + '_top_k'
    return generator_loss
