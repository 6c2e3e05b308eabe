# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Attaching penalties to discriminator losses, lazily if wanted.

The rule, written once here (`lazy_penalty`) and used by both trainers
(`with_penalty` for `tfgan.gan_loss`, `tfgan_ext.keras.GANModel`):

  L_D' = L_D + [step % every == 0] * every * weight * penalty

Lazy regularization (`every` = k > 1) is StyleGAN2's (`Analyzing and
Improving the Image Quality of StyleGAN`, https://arxiv.org/abs/1912.04958,
section 3.1): the penalty is computed only on steps that are a multiple of k
(inside `tf.cond`, so its gradient is computed only then) and its weight is
multiplied by k to keep the same average strength.

Penalties are looked up by name with `registry.get_penalty(name)`;
`registry.penalty_names()` lists them. `registry.no_penalty` is the null
penalty (`get_penalty('none')`): `with_penalty(loss, no_penalty)` is `loss`,
so callers never branch on whether a penalty is configured.
"""

from absl import logging
import tensorflow as tf

from tfgan_ext.losses import _checks
from tfgan_ext.losses import registry
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs

__all__ = ['REPLICA_LOCAL_PENALTIES', 'lazy_penalty', 'with_penalty']

_LOSSES = tf.compat.v1.GraphKeys.LOSSES

# Penalties that compute no statistic over the global batch, so they can run
# inside a `tf.cond` branch in a replica of a tf.distribute strategy
# (TensorFlow cannot all-reduce there; DRAGAN's batch std does).
REPLICA_LOCAL_PENALTIES = frozenset([
    wargs.r1_penalty, wargs.r2_penalty, wargs.wasserstein_gradient_penalty])


def lazy_penalty(penalty_fn, weight, every, step, skip_with_cond=True,
                 zeros_like=None):
  """[step % every == 0] * every * weight * penalty_fn(): the lazy rule.

  Args:
    penalty_fn: A thunk computing the penalty.
    weight: The penalty's coefficient (gamma/2 for R1 / R2).
    every: Python int k >= 1.
    step: An integer step tensor (the global step, or the discriminator
      optimizer's iterations).
    skip_with_cond: On steps that are not multiples of k, skip computing the
      penalty with `tf.cond` (its gradient too). Otherwise it is computed and
      multiplied by 0: for penalties that all-reduce across replicas. A
      discriminator that cannot be rebuilt inside a `tf.cond` branch (TF-1
      layers with kernel regularizers under a custom getter, such as TF-GAN's
      spectrally normalized MNIST discriminator: tf-keras hashes the getter's
      tensor there, which a branch's tensors refuse) falls back to that, with
      a warning: the same values and gradients, computed on every step.
    zeros_like: A tensor shaped like the penalty, for the skipped branch of
      the cond (default: a scalar zero).

  Returns:
    (term added to the loss, penalty value (0 on skipped steps), gate as a
    float32 0/1).

  Raises:
    TypeError / ValueError: if `every` is not an int >= 1.
  """
  _checks.positive_int(every, 'every')
  if every == 1:
    value = penalty_fn()
    return weight * value, value, tf.ones([], tf.float32)
  gate = tf.equal(tf.math.floormod(step, tf.cast(every, step.dtype)), 0)
  gate_float = tf.cast(gate, tf.float32)
  if skip_with_cond:
    zeros = (lambda: tf.zeros_like(zeros_like)) if zeros_like is not None else (
        lambda: tf.zeros([], tf.float32))
    try:
      value = tf.cond(gate, penalty_fn, zeros, name='lazy_penalty')
    except TypeError as e:
      if 'unhashable' not in str(e):
        raise
      logging.warning('The lazily applied penalty cannot be built inside a '
                      'tf.cond (%s); it is computed on every step and '
                      'multiplied by 0 on the skipped ones.', e)
      value = penalty_fn() * gate_float
  else:
    value = penalty_fn() * gate_float
  return (weight * every) * value, value, gate_float


def _shaped_like(term, loss):
  """Gives a per-example [batch] penalty the rank of a per-example loss.

  With reduction=NONE a discriminator loss is shaped like D's output
  ([batch, 1] usually) and a penalty is [batch]; adding them as they are
  would broadcast to [batch, batch].
  """
  term_rank, loss_rank = term.shape.rank, loss.shape.rank
  if term_rank in (None, 0) or loss_rank is None or term_rank >= loss_rank:
    return term
  return tf.reshape(term, tf.concat(
      [tf.shape(term), tf.ones([loss_rank - term_rank], tf.int32)], axis=0))


def with_penalty(discriminator_loss_fn, penalty_fn, weight=1.0, every=1):
  """Returns `discriminator_loss_fn` plus a (lazily applied) weighted penalty.

  See the module docstring for the formula and lazy regularization; the step
  is the global step, `tf.compat.v1.train.get_or_create_global_step()`.

  The returned `fn(gan_model, **kwargs)` passes `kwargs` to
  `discriminator_loss_fn` (`reduction` and `add_summaries` only if it takes
  them) and `reduction` to the penalty. The penalty term (already multiplied
  by `weight * every` and gated) is added to `loss_collection` (a keyword,
  default `tf.compat.v1.GraphKeys.LOSSES`) once, next to what the loss adds,
  and summarized as '<penalty>_term' when `add_summaries` is True. The
  penalty's own hyperparameters are bound with `functools.partial`.

  Args:
    discriminator_loss_fn: A GANModel-style discriminator loss.
    penalty_fn: A GANModel-style penalty, or a name for
      `registry.get_penalty`.
    weight: Python float, the penalty's coefficient (gamma/2 for R1 / R2).
    every: Python int k >= 1: apply the penalty when global_step % k == 0,
      with weight k * `weight`.

  Returns:
    `fn(gan_model, **kwargs)` -> loss tensor, for `tfgan.gan_loss`.

  Raises:
    TypeError: if `discriminator_loss_fn` is not callable or `every` is not
      an int.
    ValueError: if `every` < 1 or the penalty name is unknown.
  """
  if not callable(discriminator_loss_fn):
    raise TypeError('`discriminator_loss_fn` must be callable, got %r.'
                    % (discriminator_loss_fn,))
  penalty_fn = registry.get_penalty(penalty_fn)
  _checks.positive_int(every, 'every')
  loss_name = getattr(discriminator_loss_fn, '__name__', 'discriminator_loss')

  if penalty_fn is registry.no_penalty:
    def discriminator_loss(gan_model, **kwargs):
      return tuple_losses.call_with_options(discriminator_loss_fn, gan_model,
                                            kwargs)
    penalty_name = registry.NO_PENALTY
  else:
    # A functools.partial is named after its function.
    penalty_name = getattr(penalty_fn, '__name__', None) or getattr(
        getattr(penalty_fn, 'func', None), '__name__', 'penalty')

    def discriminator_loss(gan_model, **kwargs):
      loss = tuple_losses.call_with_options(discriminator_loss_fn, gan_model,
                                            kwargs)
      penalty_kwargs = {'loss_collection': None}
      if 'reduction' in kwargs:
        penalty_kwargs['reduction'] = kwargs['reduction']
      with tf.compat.v1.name_scope(penalty_name + '_term'):
        term, _, _ = lazy_penalty(
            lambda: _shaped_like(penalty_fn(gan_model, **penalty_kwargs),
                                 loss),
            weight, every, tf.compat.v1.train.get_or_create_global_step(),
            zeros_like=loss)
      tf.compat.v1.losses.add_loss(term, kwargs.get('loss_collection',
                                                    _LOSSES))
      if kwargs.get('add_summaries', False):
        tf.compat.v1.summary.scalar(penalty_name + '_term',
                                    tf.reduce_mean(term))
      return loss + term

  discriminator_loss.__name__ = '%s_with_%s' % (loss_name, penalty_name)
  discriminator_loss.__qualname__ = discriminator_loss.__name__
  discriminator_loss.__doc__ = (
      '`%s` + %s * `%s`, applied every %d step(s) with weight x %d (see '
      'tfgan_ext.losses.with_penalty).'
      % (loss_name, weight, penalty_name, every, every))
  return discriminator_loss
