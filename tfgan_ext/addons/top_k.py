# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Top-k training of the generator, for both trainers.

See `Top-k Training of GANs: Improving GAN Performance by Throwing Away Bad
Samples` (Sinha et al. 2020, https://arxiv.org/abs/2002.06224): the
generator learns only from the k generated examples of the batch that the
discriminator rates best,

  k = floor(max(gamma^epoch, nu) * B),   epoch = generator steps // epoch_steps

(`tfgan_ext.losses.wargs.top_k_fraction`, `top_k_mask`,
`top_k_generator_loss`). Any generator loss of D's outputs on generated data
that takes `weights` can be restricted (every registered one but the
relativistic, which also read the real outputs).

* TF-GAN: the epoch is read from the global step; the kept share is
  summarized as 'top_k_fraction'.
* Keras: the epoch is read from the generator optimizer's `iterations`; the
  selection is over the global batch under `tf.distribute` (the scores are
  all-gathered); each replica returns the mean over its own examples of
  mask * loss / (k / B), which, weighted by its share B_r / B as every loss
  of the step is, sums over replicas to the mean over the k kept examples.
  Logged as 'top_k_fraction'.
"""

import tensorflow as tf

from tfgan_ext.addons import base
from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _checks
from tfgan_ext.losses import _reduction
from tfgan_ext.losses import top_k_impl
from tfgan_ext.losses import wargs

__all__ = ['TopK']

_v1 = tf.compat.v1
_SUM_OVER_BATCH_SIZE = _v1.losses.Reduction.SUM_OVER_BATCH_SIZE


class TopK(base.AddOn):
  """Top-k training's schedule (module docstring).

  Args:
    epoch_steps: Generator (global) steps per epoch of the schedule, an int
      >= 1 (e.g. the training set's size // the batch size).
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

  def fraction(self, step=None):
    """The share kept at generator step `step` (default: the global step)."""
    if step is None:
      step = base.global_step()
    epoch = tf.cast(step, tf.int64) // self.epoch_steps
    return wargs.top_k_fraction(epoch, self.gamma, self.nu)

  # ------------------------------------------------------------- TF-GAN ---

  def for_tfgan(self, parts):
    """The generator loss restricted to the top k (`generator_loss`)."""
    return parts._replace(
        generator_loss_fn=self.generator_loss(parts.generator_loss_fn))

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

    return base.named_after(generator_loss, fn, '_top_k')

  # -------------------------------------------------------------- Keras ---

  def for_keras(self, gan):
    return _KerasTopK(self, gan)


class _KerasTopK(base.StepPart):
  """Top-k in GANModel's step: it replaces the adversarial generator loss."""

  logged_names = ('top_k_fraction',)

  def generator_loss(self, step_loss):
    return _TopKLoss(self.addon, self.gan, step_loss)


class _TopKLoss:
  """The compiled generator loss over the global batch's top k."""

  needs = frozenset(['discriminator_gen_outputs'])

  def __init__(self, addon, gan, step_loss):
    self.addon = addon
    self.gan = gan
    self._fn = top_k_impl.restrictable(step_loss.fn)  # ValueError if not.
    self._extra_kwargs = step_loss.extra_kwargs

  def __call__(self, tensors, logs):
    outputs = tensors['discriminator_gen_outputs']
    mask = wargs.top_k_mask(
        outputs, self.addon.fraction(self.gan.optimizer.iterations))
    kept = _batch_stats.global_means({'kept': (
        tf.reduce_mean(mask), tf.cast(tf.size(mask), tf.float32))})['kept'][0]
    value = self._fn(
        discriminator_gen_outputs=outputs, weights=mask / kept,
        loss_collection=None, reduction=_SUM_OVER_BATCH_SIZE,
        **self._extra_kwargs)
    base.log(logs, 'top_k_fraction', kept)
    return tf.cast(value, tf.float32)
