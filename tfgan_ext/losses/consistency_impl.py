# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Consistency regularization: CR, balanced CR (bCR) and latent CR (zCR).

The discriminator (and for zCR's generator term, the generator) should not
change its output under a perturbation that keeps the data's meaning:

* CR (`consistency_penalty`, Zhang et al. 2019): D(x) vs D(T(x)) on real
  data, T an augmentation;
* bCR (`balanced_consistency_penalty`, Zhao et al. 2021): the same on real
  and on generated data, each side with its own weights;
* zCR (Zhao et al. 2021): D(G(z)) vs D(G(z + dz)), dz ~ N(0, stddev^2)
  (`latent_consistency_penalty`, for D), and, for G, the negative distance
  between G(z) and G(z + dz) (`latent_consistency_generator_loss`: G should
  make different images of nearby latents).

Distances are squared L2 norms per example, summed over the output (or
data) dimensions, weighted and reduced as every loss here is (TF-GAN's
`weights`, `scope`, `loss_collection`, `reduction`, `add_summaries`; see
`losses_impl`). D and G are re-applied under their variable scopes
(`_discriminator.apply`, `generate`), in graph mode, eagerly and in
`tf.function`. The coefficients (lambda) are the caller's: see
`tfgan_ext.losses.with_penalty`. Conditioning in `generator_inputs` (a
tuple `(noise, c_1, ...)`) is passed through unchanged; zCR perturbs the
noise only.
"""

import tensorflow as tf

from tfgan_ext.losses import _checks
from tfgan_ext.losses import _discriminator
from tfgan_ext.losses import _reduction
from tfgan_ext.losses import discriminator_outputs

__all__ = [
    'balanced_consistency_penalty',
    'consistency_penalty',
    'latent_consistency_generator_loss',
    'latent_consistency_penalty',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION
_PER_EXAMPLE = 'the per-example penalty'


def _squared_distance(outputs, augmented):
  """||D(x) - D(T(x))||^2 per example, summed over D's output dimensions."""
  squares = tf.square(tf.cast(outputs, tf.float32) -
                      tf.cast(augmented, tf.float32))
  if squares.shape.rank is None or squares.shape.rank > 1:
    squares = tf.reduce_sum(
        tf.reshape(squares, [tf.shape(squares)[0], -1]), axis=1)
  return squares


def consistency_penalty(real_data, generator_inputs, discriminator_fn,
                        discriminator_scope, augment_fn, weights=1.0,
                        scope=None, loss_collection=_LOSSES,
                        reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Consistency regularization: D should not change under augmentation.

  See `Consistency Regularization for Generative Adversarial Networks`
  (https://arxiv.org/abs/1910.12027), equation (1).

  CR = E_x[||D(x) - D(T(x))||^2]

  with T = `augment_fn` (a semantics-preserving augmentation: flips, small
  shifts) and ||.||^2 summed over D's output dimensions. Not in
  `penalty_names()` (it needs `augment_fn`); attach it with
  `with_penalty(loss, functools.partial(consistency_penalty,
  augment_fn=...), weight=10.0)` (the paper's lambda is 10).

  Args:
    real_data: Real data, shape [batch, ...].
    generator_inputs: Passed to `discriminator_fn` as its second argument.
    discriminator_fn: `discriminator_fn(data, generator_inputs)`.
    discriminator_scope: Variable scope to reuse, or None.
    augment_fn: `augment_fn(data)` -> augmented data of the same shape.
    weights, scope, loss_collection, reduction, add_summaries: see the
      module docstring.

  Returns:
    A float32 tensor shaped by `reduction`.

  Raises:
    TypeError: also if `augment_fn` is not callable.
  """
  if not callable(augment_fn):
    raise TypeError('`augment_fn` must be callable, got %r.' % (augment_fn,))
  with tf.compat.v1.name_scope(scope, 'consistency_penalty',
                               (real_data,)) as scope:
    real_data = _discriminator.data_tensor(real_data, 'real_data')
    outputs = _discriminator.apply(real_data, generator_inputs,
                                   discriminator_fn, discriminator_scope)
    augmented = _discriminator.apply(augment_fn(real_data), generator_inputs,
                                     discriminator_fn, discriminator_scope)
    return _reduction.reduce_loss(
        _squared_distance(outputs, augmented), weights, scope,
        loss_collection, reduction, add_summaries, 'consistency_penalty',
        _PER_EXAMPLE)


def balanced_consistency_penalty(
    real_data, generated_data, generator_inputs, discriminator_fn,
    discriminator_scope, augment_fn, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Balanced consistency regularization (bCR) of the discriminator.

  See `Improved Consistency Regularization for GANs` (Zhao et al. 2021,
  https://arxiv.org/abs/2002.04724), Algorithm 1.

  bCR = E_x[||D(x) - D(T(x))||^2] + E_z[||D(G(z)) - D(T(G(z)))||^2]

  each term weighted by its own weights (the paper's lambda_real and
  lambda_fake are both 10: `with_penalty(..., weight=10.0)`).

  Args:
    real_data: Real data, [batch, ...].
    generated_data: Generated data, [batch, ...] (the batches may differ in
      size, except with reduction NONE).
    generator_inputs: Passed to `discriminator_fn` as its second argument.
    discriminator_fn: `discriminator_fn(data, generator_inputs)`.
    discriminator_scope: Variable scope to reuse, or None.
    augment_fn: `augment_fn(data)` -> augmented data of the same shape
      (e.g. `tfgan_ext.augment.diff_augment` with 'translation').
    real_weights, generated_weights, scope, loss_collection, reduction,
      add_summaries: TF-GAN's.

  Returns:
    The penalty, float32, shaped by `reduction`.

  Raises:
    TypeError: non-floating data, or an `augment_fn` that is not callable.
    ValueError: data of rank 0 or unknown rank, weights that do not fit.
  """
  if not callable(augment_fn):
    raise TypeError('`augment_fn` must be callable, got %r.' % (augment_fn,))
  with tf.compat.v1.name_scope(scope, 'balanced_consistency_penalty',
                               (real_data, generated_data)) as scope:
    distances = []
    for data, name in ((real_data, 'real_data'),
                       (generated_data, 'generated_data')):
      data = _discriminator.data_tensor(data, name)
      distances.append(_squared_distance(
          _discriminator.apply(data, generator_inputs, discriminator_fn,
                               discriminator_scope),
          _discriminator.apply(augment_fn(data), generator_inputs,
                               discriminator_fn, discriminator_scope)))
    _checks.check_pair(distances[0], 'real_data', distances[1],
                       'generated_data', _checks.SAME_EXCEPT_BATCH, reduction)
    return _reduction.reduce_real_and_generated(
        distances[0], real_weights, distances[1], generated_weights, scope,
        loss_collection, reduction, add_summaries,
        'balanced_consistency_penalty', real_name='real_data',
        generated_name='generated_data')


def perturbed_inputs(generator_inputs, stddev, seed=None):
  """`generator_inputs` with N(0, stddev^2) noise added to the noise part.

  Args:
    generator_inputs: The noise, or a tuple/list (noise, c_1, ...) whose
      conditioning is returned unchanged.
    stddev: The perturbation's standard deviation (> 0).
    seed: None (stateful noise), or a Python int (stateless, repeatable).

  Returns:
    The same structure, noise + dz.

  Raises:
    TypeError: non-floating noise.
    ValueError: stddev <= 0.
  """
  if not float(stddev) > 0:
    raise ValueError('stddev must be > 0, got %r.' % (stddev,))
  is_tuple = isinstance(generator_inputs, (tuple, list))
  noise = generator_inputs[0] if is_tuple else generator_inputs
  noise = _checks.floating_tensor(noise, 'generator_inputs')
  if seed is None:
    delta = tf.random.normal(tf.shape(noise), stddev=stddev,
                             dtype=noise.dtype)
  else:
    delta = tf.random.stateless_normal(tf.shape(noise), seed=[seed, 1],
                                       stddev=stddev, dtype=noise.dtype)
  if not is_tuple:
    return noise + delta
  return type(generator_inputs)([noise + delta] + list(generator_inputs[1:]))


def generate(generator_inputs, generator_fn, generator_scope):
  """G(inputs): `generator_fn(inputs)`, reusing `generator_scope` if given.

  In a TF-1 graph, the update ops this extra pass adds (batch norm's moving
  averages) are left out of UPDATE_OPS: the step's own pass of G updates
  them, and `tfgan.gan_train_ops` refuses update ops outside the players'
  name scopes.
  """
  updates = tf.compat.v1.get_collection_ref(
      tf.compat.v1.GraphKeys.UPDATE_OPS)
  count = len(updates)
  if generator_scope is None:
    data = generator_fn(generator_inputs)
  else:
    with tf.compat.v1.variable_scope(generator_scope, reuse=True):
      data = generator_fn(generator_inputs)
  del updates[count:]
  return data


def latent_consistency_penalty(
    discriminator_gen_outputs, generator_inputs, generator_fn,
    generator_scope, discriminator_fn, discriminator_scope, stddev=0.03,
    weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False, seed=None):
  """Latent consistency regularization (zCR) of the discriminator.

  See `Improved Consistency Regularization for GANs`
  (https://arxiv.org/abs/2002.04724), Algorithm 2.

  zCR_D = E_z[||D(G(z)) - D(G(z + dz))||^2],  dz ~ N(0, stddev^2 I)

  (the paper's lambda_dis is 5, stddev 0.03).

  Args:
    discriminator_gen_outputs: D(G(z)), the step's outputs (of a
      conditional head's `DiscriminatorOutputs`, its `logits`, as the
      re-applied D gives).
    generator_inputs: z (or (z, c_1, ...); only z is perturbed).
    generator_fn: `generator_fn(generator_inputs)` -> data.
    generator_scope: Variable scope to reuse, or None.
    discriminator_fn: `discriminator_fn(data, generator_inputs)`.
    discriminator_scope: Variable scope to reuse, or None.
    stddev: dz's standard deviation (> 0).
    weights, scope, loss_collection, reduction, add_summaries: TF-GAN's.
    seed: None, or a Python int for a deterministic (stateless) dz.

  Returns:
    The penalty, float32, shaped by `reduction`.

  Raises:
    TypeError: non-floating outputs or noise.
    ValueError: stddev <= 0, weights that do not fit.
  """
  with tf.compat.v1.name_scope(scope, 'latent_consistency_penalty',
                               (discriminator_gen_outputs,)) as scope:
    outputs = _checks.to_float32(discriminator_outputs.logits_of(
        discriminator_gen_outputs, '`discriminator_gen_outputs`'),
                                 'discriminator_gen_outputs')
    moved = perturbed_inputs(generator_inputs, stddev, seed)
    moved_outputs = _discriminator.apply(
        generate(moved, generator_fn, generator_scope), generator_inputs,
        discriminator_fn, discriminator_scope)
    return _reduction.reduce_loss(
        _squared_distance(outputs, moved_outputs), weights, scope,
        loss_collection, reduction, add_summaries,
        'latent_consistency_penalty', _PER_EXAMPLE)


def latent_consistency_generator_loss(
    generated_data, generator_inputs, generator_fn, generator_scope,
    stddev=0.03, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False, seed=None):
  """zCR's generator term: nearby latents should give different data.

  See `Improved Consistency Regularization for GANs`
  (https://arxiv.org/abs/2002.04724), Algorithm 2.

  zCR_G = -E_z[||G(z) - G(z + dz)||^2],  dz ~ N(0, stddev^2 I)

  (negative: added to the generator loss with the paper's lambda_gen 0.5,
  it rewards G for spreading nearby latents apart, against collapse).

  Args:
    generated_data: G(z), the step's generated data.
    generator_inputs: z (or (z, c_1, ...); only z is perturbed).
    generator_fn: `generator_fn(generator_inputs)` -> data.
    generator_scope: Variable scope to reuse, or None.
    stddev: dz's standard deviation (> 0).
    weights, scope, loss_collection, reduction, add_summaries: TF-GAN's.
    seed: None, or a Python int for a deterministic (stateless) dz.

  Returns:
    The (negative) term, float32, shaped by `reduction`.

  Raises:
    TypeError: non-floating data or noise.
    ValueError: data of rank 0 or unknown rank, stddev <= 0, weights that
      do not fit.
  """
  with tf.compat.v1.name_scope(scope, 'latent_consistency_generator_loss',
                               (generated_data,)) as scope:
    data = _discriminator.data_tensor(generated_data, 'generated_data')
    moved = generate(perturbed_inputs(generator_inputs, stddev, seed),
                     generator_fn, generator_scope)
    return _reduction.reduce_loss(
        -_squared_distance(data, moved), weights, scope, loss_collection,
        reduction, add_summaries, 'latent_consistency_generator_loss',
        'the per-example term')
