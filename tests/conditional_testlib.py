# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""NumPy references for the conditional parts' tests, written from the papers.

* `sn_step`: one power iteration of Miyato et al. 2018 (arXiv:1802.05957,
  Algorithm 1) on a matrix M with the persisted vector u in M's row space:
  v = M^T u / |M^T u|, u' = M v / |M v|, sigma = u'^T M v. TF-GAN's
  `spectral_normalize` runs it on a weight reshaped to [-1, last]; Keras'
  SpectralNormalization on the transpose of that (its u lives in the output
  space), which is how the tests call it.
* `conditional_batch_norm`: de Vries et al. 2017 (arXiv:1707.00683), in
  training mode: gamma[y] (x - mean) / sqrt(var + eps) + beta[y], mean and
  (biased) variance over all axes but the last.
* `projection`: Miyato & Koyama 2018 (arXiv:1802.05637),
  w . phi / sigma(w) + b + <P[y] / sigma(P), phi>, each sigma one `sn_step`.

And TF-GAN's own example ops (`tensorflow_gan/examples/
self_attention_estimator/ops.py`) run on given weights, where their maths
coincide with tfgan_ext's parts: `tfgan_projection`,
`tfgan_conditional_batch_norm`.
"""

import numpy as np
import tensorflow as tf
from tensorflow_gan.examples.self_attention_estimator import ops as sagan_ops

__all__ = ['conditional_batch_norm', 'one_hot', 'projection',
           'projection_weights', 'sn_step', 'tfgan_conditional_batch_norm',
           'tfgan_projection']

_v1 = tf.compat.v1


def sn_step(matrix, u):
  """One power iteration on `matrix` [m, n] from `u` [m].

  Returns:
    (sigma estimate, the updated u [m]), float64.
  """
  matrix = np.asarray(matrix, np.float64)
  u = np.asarray(u, np.float64).reshape(-1)
  v = matrix.T @ u
  v /= np.linalg.norm(v)
  u_new = matrix @ v
  u_new /= np.linalg.norm(u_new)
  return float(u_new @ matrix @ v), u_new


def one_hot(ids, num_classes):
  return np.eye(num_classes)[np.asarray(ids)]


def conditional_batch_norm(x, ids, gamma, beta, epsilon):
  """Training-mode conditional batch norm of `x` [B, ..., C], float64."""
  x = np.asarray(x, np.float64)
  axes = tuple(range(x.ndim - 1))
  mean = x.mean(axis=axes)
  var = x.var(axis=axes)  # Biased, as batch normalization's.
  shape = (x.shape[0],) + (1,) * (x.ndim - 2) + (x.shape[-1],)
  g = np.asarray(gamma, np.float64)[ids].reshape(shape)
  b = np.asarray(beta, np.float64)[ids].reshape(shape)
  return g * (x - mean) / np.sqrt(var + epsilon) + b


def projection_weights(rng, num_classes, num_features):
  """Projection weights whose one-step norm estimates are above 1.

  TF-GAN's example ops divide by max(1, sigma) (equality_constrained=False),
  tfgan_ext's by sigma (as the SNGAN paper and Keras): equal when sigma > 1.

  Returns:
    {'w' [F, 1], 'b' [1], 'table' [K, F], 'u_w' [F, 1] and 'u_table'
    [F, 1] (the power iteration's vectors: TF-GAN's shapes)}, float32.
  """
  weights = {
      'w': 3.0 * rng.normal(size=(num_features, 1)),
      'b': rng.normal(size=(1,)),
      'table': 3.0 * rng.normal(size=(num_classes, num_features)),
      'u_w': rng.normal(size=(num_features, 1)),
      'u_table': rng.normal(size=(num_features, 1)),
  }
  weights = {k: v.astype(np.float32) for k, v in weights.items()}
  assert sn_step(weights['w'], weights['u_w'])[0] > 1
  assert sn_step(weights['table'].T, weights['u_table'])[0] > 1
  return weights


def projection(weights, features, ids):
  """The projection head's logits [B, 1] (one power iteration each)."""
  sigma_w, _ = sn_step(weights['w'], weights['u_w'])
  sigma_t, _ = sn_step(weights['table'].T, weights['u_table'])
  embedded = weights['table'][ids] / sigma_t
  return (features @ weights['w'] / sigma_w + weights['b'] +
          np.sum(embedded * features, axis=1, keepdims=True))


def _run_graph(build, values_by_suffix):
  """Builds `build()` in a new graph, loads variables by name suffix, runs."""
  with tf.Graph().as_default():
    outputs = build()
    with _v1.Session() as session:
      session.run(_v1.global_variables_initializer())
      loaded = set()
      for variable in _v1.global_variables():
        for suffix, value in values_by_suffix.items():
          if variable.op.name.endswith(suffix):
            variable.load(value, session)
            loaded.add(suffix)
      assert loaded == set(values_by_suffix), sorted(
          v.op.name for v in _v1.global_variables())
      return session.run(outputs)


def tfgan_projection(weights, features, ids):
  """The last lines of TF-GAN's self_attention_estimator/discriminator.py."""
  num_classes, num_features = weights['table'].shape

  def build():
    logits = sagan_ops.snlinear(features, 1, name='d_sn_linear')
    return logits + tf.reduce_sum(
        features * sagan_ops.sn_embedding(ids, num_classes, num_features,
                                          name='d_embedding'),
        axis=1, keepdims=True)

  return _run_graph(build, {
      'd_sn_linear/dense/kernel': weights['w'],
      'd_sn_linear/dense/bias': weights['b'],
      'd_embedding/embedding_map': weights['table'],
      'd_sn_linear/dense/kernel/spectral_normalize/spectral_norm/'
      'spectral_norm_u': weights['u_w'],
      'd_embedding/spectral_normalize/spectral_norm/spectral_norm_u':
          weights['u_table']})


def tfgan_conditional_batch_norm(x, ids, gamma, beta):
  """TF-GAN's example ConditionalBatchNorm (epsilon 1e-5) on 4-D `x`."""
  return _run_graph(
      lambda: sagan_ops.ConditionalBatchNorm(gamma.shape[0])(x, ids),
      {'conditional_batch_norm/gamma': gamma,
       'conditional_batch_norm/beta': beta})
