# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""A discriminator penalty with its weight and lazy schedule, for both trainers.

  Penalty('r1', weight=5.0)              # R1 with gamma 10 (weight gamma / 2)
  Penalty('r1', weight=5.0, every=16)    # lazily: StyleGAN2's schedule
  Penalty('wgan_gp', weight=10.0, one_sided=True)   # the penalty's own kwargs

The penalty is a registry name (`tfgan_ext.losses.penalty_names()`: R1 and R2
(Mescheder et al. 2018), DRAGAN (Kodali et al. 2017), WGAN-GP (Gulrajani et
al. 2017)) or a penalty function of your own, argument-style (parameters
named like `tfgan.GANModel` fields) or GANModel-style. On discriminator step
s the discriminator loss gains

  [s % every == 0] * every * weight * penalty

(`tfgan_ext.losses.lazy_regularization`, written once for both trainers):
TF-GAN counts s by the global step, Keras by the discriminator optimizer's
`iterations`. The maths is in `tfgan_ext.losses` (`r1_penalty`, ...).
"""

import functools
import inspect

import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext.addons import base
from tfgan_ext.losses import _checks
from tfgan_ext.losses import lazy_regularization
from tfgan_ext.losses import registry
from tfgan_ext.losses import tuple_losses

__all__ = ['Penalty']


def _is_gan_model_style(fn):
  try:
    params = list(inspect.signature(fn).parameters)
  except (TypeError, ValueError):
    return False
  return bool(params) and params[0] == 'gan_model'


# What the trainers pass a penalty themselves: the GAN model's tensors and
# the loss options (a keyword among these would be overridden, or refused
# only when the loss is built, and differently by each trainer).
_SUPPLIED = frozenset(tfgan.GANModel._fields) | frozenset(
    ['loss_collection', 'reduction', 'add_summaries'])


def _check_keywords(fn, kwargs):
  """TypeError for keywords the trainers supply or `fn` does not take."""
  supplied = sorted(set(kwargs) & _SUPPLIED)
  if supplied:
    raise TypeError('Penalty(..., %s=...): the trainers supply %s '
                    'themselves; give only the penalty\'s own settings.'
                    % ('=..., '.join(supplied), ', '.join(supplied)))
  try:
    params = inspect.signature(fn).parameters
  except (TypeError, ValueError):
    return
  if any(p.kind == p.VAR_KEYWORD for p in params.values()):
    return
  unknown = sorted(set(kwargs) - set(params))
  if unknown:
    raise TypeError('The penalty %s() has no parameter %s; its parameters are '
                    '%s.' % (getattr(fn, '__name__', fn), ', '.join(unknown),
                             ', '.join(params)))


class Penalty(base.AddOn):
  """A (lazily applied) weighted penalty on the discriminator loss.

  Args:
    penalty: A name from `tfgan_ext.losses.penalty_names(include_aliases=
      True)` ('r1', 'r2', 'dragan', 'wasserstein_gradient_penalty' alias
      'wgan_gp'), or a penalty function (argument-style or GANModel-style).
    weight: Its coefficient, a number >= 0 (gamma / 2 for R1 and R2).
    every: Lazy regularization: apply it on steps s with s % every == 0,
      weighted by `every` (StyleGAN2, arXiv:1912.04958, section 3.1).
    **kwargs: The penalty function's own settings (e.g. `one_sided=True`
      for WGAN-GP, `perturbation_scale=0.5` for DRAGAN).

  Raises:
    ValueError: an unknown name (the message lists the valid ones), a
      negative weight, `every` < 1.
    TypeError: a non-int `every`, a penalty that is neither a name nor
      callable, keywords the penalty does not take or that the trainers
      supply (GANModel fields, loss_collection, reduction, add_summaries).
  """

  def __init__(self, penalty, weight=1.0, every=1, **kwargs):
    if isinstance(penalty, str):
      if penalty == registry.NO_PENALTY:
        raise ValueError("Penalty('none') is no penalty: leave it out of the "
                         'add-ons.')
      registry.argument_style_penalty(penalty)  # ValueError listing names.
    elif not callable(penalty):
      raise TypeError('penalty must be a name from tfgan_ext.losses.'
                      'penalty_names() or a function, got %r.' % (penalty,))
    if not _checks.is_real(weight) or (
        not weight >= 0):
      raise ValueError('Penalty weight must be a number >= 0, got %r.'
                       % (weight,))
    _checks.positive_int(every, 'Penalty every')
    fn = (registry.argument_style_penalty(penalty)
          if isinstance(penalty, str) else penalty)
    _check_keywords(fn, kwargs)
    self.penalty = penalty
    self.weight = float(weight)
    self.every = every
    self.kwargs = dict(kwargs)

  def _settings(self):
    # The penalty's own settings as the keywords they were given as, so the
    # repr reads as the call that builds an equal add-on.
    return dict(penalty=self.penalty, weight=self.weight, every=self.every,
                **self.kwargs)

  def for_tfgan(self, parts):
    """The discriminator loss plus the penalty (`losses.with_penalty`)."""
    if isinstance(self.penalty, str):
      fn = registry.get_penalty(self.penalty)
    elif _is_gan_model_style(self.penalty):
      fn = self.penalty
    else:
      fn = tuple_losses.args_to_gan_model(self.penalty)
    if self.kwargs:
      fn = functools.partial(fn, **self.kwargs)
    return parts._replace(
        discriminator_loss_fn=lazy_regularization.with_penalty(
            parts.discriminator_loss_fn, fn, self.weight, self.every))

  def for_keras(self, gan):
    # The Keras trainer's loss adapter, imported only when Keras is in use.
    from tfgan_ext.keras import step_losses  # pylint: disable=g-import-not-at-top
    fn = (registry.argument_style_penalty(self.penalty)
          if isinstance(self.penalty, str) else self.penalty)
    return _KerasPenalty(self, gan, step_losses.StepLoss(fn, 'penalty',
                                                         self.kwargs))


class _KerasPenalty(base.StepPart):
  """The penalty in GANModel's step, gated on the discriminator's steps.

  Off steps skip the computation inside a `tf.cond` when the penalty is
  replica-local (R1, R2, WGAN-GP) or there is one replica; otherwise
  (DRAGAN's global batch std under several replicas, user penalties) it is
  computed and multiplied by 0, since TensorFlow cannot all-reduce inside a
  cond branch. Logged under the penalty's name, averaged over the steps
  where it was applied.
  """

  def __init__(self, addon, gan, step_loss):
    super().__init__(addon, gan)
    self._loss = step_loss
    self._replica_local = (step_loss.fn in
                           lazy_regularization.REPLICA_LOCAL_PENALTIES)
    self.logged_names = (step_loss.name,)

  def discriminator_term(self, tensors, logs):
    context = tf.distribute.get_replica_context()
    replicas = 1 if context is None else context.num_replicas_in_sync
    term, value, gate = lazy_regularization.lazy_penalty(
        lambda: self._loss(tensors), self.addon.weight,
        self.addon.every, self.gan.discriminator_optimizer.iterations,
        skip_with_cond=self._replica_local or replicas == 1)
    base.log(logs, self._loss.name, value, gate)
    return term
