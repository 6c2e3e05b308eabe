# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Attaching gradient penalties to discriminator losses, lazily if wanted.

`with_penalty(discriminator_loss_fn, penalty_fn, weight, every)` returns a
GANModel-style discriminator loss for `tfgan.gan_loss(model,
discriminator_loss_fn=...)`:

  L_D' = L_D + [step % every == 0] * every * weight * penalty

Lazy regularization (`every` = k > 1) is StyleGAN2's (`Analyzing and
Improving the Image Quality of StyleGAN`, https://arxiv.org/abs/1912.04958,
section 3.1): the penalty is computed only on steps where the global step is
a multiple of k (inside `tf.cond`, so its gradient is computed only then) and
its weight is multiplied by k to keep the same average strength.

Penalties are looked up by name with `registry.get_penalty(name)`;
`registry.penalty_names()` lists them. `registry.no_penalty` is the null
penalty (`get_penalty('none')`): `with_penalty(loss, no_penalty)` is `loss`,
so callers never branch on whether a penalty is configured.
"""

import inspect

import tensorflow as tf

from tfgan_ext.losses import _forwarding
from tfgan_ext.losses import registry

__all__ = ['with_penalty']

_LOSSES = tf.compat.v1.GraphKeys.LOSSES


def _every_step(penalty_thunk, every, unused_loss):
  del every
  return penalty_thunk()


def _every_k_steps(penalty_thunk, every, loss):
  step = tf.compat.v1.train.get_or_create_global_step()
  return tf.cond(
      tf.equal(tf.math.floormod(step, tf.cast(every, step.dtype)), 0),
      penalty_thunk, lambda: tf.zeros_like(loss), name='lazy_penalty')


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

  See the module docstring for the formula and lazy regularization.

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
      with weight k * `weight`. The global step is
      `tf.compat.v1.train.get_or_create_global_step()`.

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
  if isinstance(every, bool) or not isinstance(every, int):
    raise TypeError('`every` must be a Python int, got %r.' % (every,))
  if every < 1:
    raise ValueError('`every` must be >= 1, got %d.' % every)
  loss_name = getattr(discriminator_loss_fn, '__name__', 'discriminator_loss')

  if penalty_fn is registry.no_penalty:
    def discriminator_loss(gan_model, **kwargs):
      return discriminator_loss_fn(
          gan_model, **_forwarding.forwardable(discriminator_loss_fn, kwargs))
    penalty_name = registry.NO_PENALTY
  else:
    penalty_name = getattr(penalty_fn, '__name__', 'penalty')
    gate = _every_step if every == 1 else _every_k_steps

    def discriminator_loss(gan_model, **kwargs):
      loss = discriminator_loss_fn(
          gan_model, **_forwarding.forwardable(discriminator_loss_fn, kwargs))
      penalty_kwargs = {'loss_collection': None}
      if 'reduction' in kwargs:
        penalty_kwargs['reduction'] = kwargs['reduction']
      with tf.compat.v1.name_scope(penalty_name + '_term'):
        term = gate(
            lambda: _shaped_like(  # pylint: disable=g-long-lambda
                (weight * every) * penalty_fn(gan_model, **penalty_kwargs),
                loss),
            every, loss)
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
  discriminator_loss.__signature__ = inspect.Signature([
      inspect.Parameter('gan_model', inspect.Parameter.POSITIONAL_OR_KEYWORD),
      inspect.Parameter('kwargs', inspect.Parameter.VAR_KEYWORD)])
  return discriminator_loss
