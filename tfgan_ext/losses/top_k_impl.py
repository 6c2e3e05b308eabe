# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Top-k training: the generator learns only from the samples D rates best.

See `Top-k Training of GANs: Improving GAN Performance by Throwing Away Bad
Samples` (Sinha et al. 2020, https://arxiv.org/abs/2002.06224). Of a
generated batch of B examples, the generator loss keeps the k with the
highest discriminator output,

  k = max(floor(gamma^epoch * B), floor(nu * B))
    = floor(max(gamma^epoch, nu) * B)   (floor is monotone),

so the kept share, `top_k_fraction(epoch, gamma, nu)`, starts at 1 and
decays by gamma per epoch down to nu (the paper's 0.99 and 0.5).

Under a `tf.distribute` strategy the selection is over the **global** batch:
each replica's scores are all-gathered (`_batch_stats.batch_gather`), the k
best of all B are chosen and each replica keeps those that are its own, as
one device would. Selecting within each replica instead would keep
k / replicas of every replica's examples, another set whenever the best
examples are not spread evenly. Arguments and standard options as in
`losses_impl`.
"""

import inspect

import tensorflow as tf

from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _checks
from tfgan_ext.losses import _reduction
from tfgan_ext.losses import upstream_losses

__all__ = [
    'top_k_fraction',
    'top_k_generator_loss',
    'top_k_mask',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


def top_k_fraction(epoch, gamma=0.99, nu=0.5):
  """The share of the batch that top-k training keeps: max(gamma^epoch, nu).

  See `Top-k Training of GANs` (https://arxiv.org/abs/2002.06224).

  Args:
    epoch: Epochs trained so far, an int or an integer tensor >= 0.
    gamma: Decay per epoch, in (0, 1] (the paper's 0.99).
    nu: The smallest share kept, in (0, 1] (the paper's 0.5).

  Returns:
    A float32 scalar in [nu, 1].

  Raises:
    ValueError: gamma or nu outside (0, 1], or a negative Python epoch.
  """
  check_settings(gamma, nu)
  if isinstance(epoch, int) and epoch < 0:
    raise ValueError('epoch must be >= 0, got %d.' % epoch)
  epoch = tf.cast(epoch, tf.float32)
  return tf.maximum(tf.pow(tf.constant(float(gamma)), epoch),
                    tf.constant(float(nu)))


def check_settings(gamma, nu, prefix=''):
  """Raises ValueError unless gamma and nu are numbers in (0, 1]."""
  for name, value in (('gamma', gamma), ('nu', nu)):
    if not _checks.is_real(value) or not 0.0 < value <= 1.0:
      raise ValueError('%s%s must be a number in (0, 1], got %r.'
                       % (prefix, name, value))


def top_k_mask(discriminator_gen_outputs, fraction):
  """1 for the generated examples D rates among the best k, 0 for the rest.

  See `Top-k Training of GANs` (https://arxiv.org/abs/2002.06224).
  k = max(1, floor(fraction * B)), B the global batch (all replicas' examples
  under `tf.distribute`); an example's score is the mean of its outputs. Of
  equal scores the earlier example in the global batch is kept first. No
  gradient flows through the mask.

  Args:
    discriminator_gen_outputs: D's outputs on generated data, shape
      [batch, ...] (float).
    fraction: The share kept, a float or float scalar tensor in (0, 1] (e.g.
      `top_k_fraction`).

  Returns:
    float32 0/1 of shape [batch, 1, ..., 1] (the outputs' rank), so it
    broadcasts against them as loss weights.

  Raises:
    TypeError: non-floating outputs.
    ValueError: outputs of rank 0 or unknown rank, a Python fraction outside
      (0, 1].
  """
  if isinstance(fraction, (int, float)) and not 0.0 < fraction <= 1.0:
    raise ValueError('fraction must be in (0, 1], got %r.' % (fraction,))
  gen = _checks.to_float32(discriminator_gen_outputs,
                           'discriminator_gen_outputs')
  rank = gen.shape.rank
  if not rank:
    raise ValueError('discriminator_gen_outputs must have a batch dimension '
                     '(rank >= 1, known), got shape %s.' % (gen.shape,))
  scores = tf.reduce_mean(gen, axis=list(range(1, rank))) if rank > 1 else gen
  scores = tf.stop_gradient(scores)
  all_scores, offset = _batch_stats.batch_gather(scores)
  total = tf.shape(all_scores)[0]
  k = tf.cast(tf.floor(tf.cast(fraction, tf.float32) *
                       tf.cast(total, tf.float32)), tf.int32)
  k = tf.minimum(tf.maximum(k, 1), total)
  _, indices = tf.math.top_k(all_scores, k=k)  # Ties: lower index first.
  selected = tf.scatter_nd(indices[:, None], tf.ones_like(indices,
                                                         tf.float32),
                           total[None])
  local = selected[offset:offset + tf.shape(scores)[0]]
  return tf.reshape(local, [-1] + [1] * (rank - 1))


def restrictable(generator_loss_fn):
  """The argument-style form of a generator loss top-k can restrict.

  It must take `weights` (which weight D's outputs on generated data) and
  need no tensor but `discriminator_gen_outputs`: every registered generator
  loss but the relativistic ones, which also read the real outputs.
  tfgan_ext's GANModel-style losses are turned into their argument style.

  Raises:
    ValueError: for any other function (the message lists the losses).
  """
  fn = getattr(generator_loss_fn, 'args_loss_fn', generator_loss_fn)
  try:
    params = inspect.signature(fn).parameters
  except (TypeError, ValueError):
    params = {}
  required = [p.name for p in params.values() if p.default is p.empty and
              p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
  if 'weights' in params and required == ['discriminator_gen_outputs']:
    return fn
  raise ValueError(
      'top-k training restricts a generator loss of D\'s outputs on '
      'generated data alone that takes `weights` (hinge, least_squares, '
      'lsgan, minimax, modified, wasserstein, wasserstein_hinge); %s is not '
      'one (relativistic losses also read the real outputs).'
      % (getattr(fn, '__name__', None) or repr(fn),))


def top_k_generator_loss(
    discriminator_gen_outputs, fraction,
    generator_loss_fn=upstream_losses.modified_generator_loss, weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """A generator loss over the k generated examples D rates best (top-k).

  See `Top-k Training of GANs` (https://arxiv.org/abs/2002.06224).

  L_G = generator_loss_fn with weights * m,  m = top_k_mask(D(G(z)), fraction)

  With the default reduction (SUM_BY_NONZERO_WEIGHTS) that is the loss's
  mean over the kept examples; every reduction acts over this replica's
  examples, as for any loss (the selection itself is global; see the module
  docstring).

  Args:
    discriminator_gen_outputs: D's outputs on generated data, [batch, ...].
    fraction: The share kept, in (0, 1] (`top_k_fraction(epoch)` for the
      paper's schedule).
    generator_loss_fn: An argument-style generator loss of
      `discriminator_gen_outputs` that takes `weights` (the registered ones
      but the relativistic, in either style; default: the non-saturating
      loss).
    weights, scope, loss_collection, reduction, add_summaries: TF-GAN's.

  Returns:
    The loss, float32, shaped by `reduction`.

  Raises:
    TypeError: non-floating outputs.
    ValueError: a `generator_loss_fn` that cannot be restricted (it needs
      other tensors or takes no `weights`), or a bad `fraction`.
  """
  generator_loss_fn = restrictable(generator_loss_fn)
  with tf.compat.v1.name_scope(scope, 'top_k_generator_loss',
                               (discriminator_gen_outputs,)) as scope:
    outputs = _checks.floating_tensor(discriminator_gen_outputs,
                                      'discriminator_gen_outputs')
    mask = top_k_mask(outputs, fraction)
    _checks.check_weights(weights, outputs.shape, 'weights',
                          'discriminator_gen_outputs')
    return generator_loss_fn(
        outputs,
        weights=tf.cast(weights, tf.float32) * mask, scope=scope,
        loss_collection=loss_collection, reduction=reduction,
        add_summaries=add_summaries)
