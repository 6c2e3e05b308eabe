# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Independent NumPy references and run helpers for the tfgan_ext.losses tests.

Nothing here calls tfgan_ext.losses: the references are written from the
papers' formulas (and, for upstream's losses, from upstream's documented
formulas and its label-smoothing rule), so a test comparing the library
with them can fail.
"""

import collections

import numpy as np
import tensorflow as tf
import tensorflow_gan as tfgan

Reduction = tf.compat.v1.losses.Reduction
REDUCTIONS = (Reduction.NONE, Reduction.SUM, Reduction.MEAN,
              Reduction.SUM_OVER_BATCH_SIZE, Reduction.SUM_BY_NONZERO_WEIGHTS)


# ------------------------------------------------------------ reductions ---


def reduce(values, weights, reduction):
  """tf.compat.v1.losses.compute_weighted_loss, from its documentation."""
  values = np.asarray(values, np.float64)
  w = np.broadcast_to(np.asarray(weights, np.float64), values.shape)
  weighted = values * w
  if reduction == Reduction.NONE:
    return weighted
  total = weighted.sum()
  if reduction == Reduction.SUM:
    return total
  if reduction == Reduction.MEAN:
    denominator = w.sum()
  elif reduction == Reduction.SUM_OVER_BATCH_SIZE:
    denominator = values.size
  elif reduction == Reduction.SUM_BY_NONZERO_WEIGHTS:
    denominator = np.count_nonzero(w)
  else:
    raise ValueError(reduction)
  return total / denominator if denominator else 0.0 * total  # div_no_nan


def softplus(x):
  return np.logaddexp(0.0, x)


def relu(x):
  return np.maximum(x, 0.0)


# Binary cross-entropy from logits x with label l: -l log s(x) - (1-l) log(1-s(x))
# = softplus(x) - l * x.
def xent(x, label):
  return softplus(x) - label * x


# ---------------------------------------------------------- loss pairs ---
#
# Each reference takes numpy real outputs r, generated outputs g, weights and
# a reduction. `weights` says how the (generator, discriminator) losses are
# weighted: 'one' (a single `weights`, given to the reference as gw) or 'two'
# (real_weights / generated_weights, given as rw and gw).

Spec = collections.namedtuple(
    'Spec', ['generator', 'discriminator', 'weights', 'batches_may_differ'])
ONE_TWO, TWO_TWO = ('one', 'two'), ('two', 'two')


def _one(f):
  return lambda r, g, rw, gw, red: reduce(f(g), gw, red)


_MINIMAX_REAL_LABEL = 1.0 - 0.25 / 2  # upstream's default label_smoothing 0.25:
# labels * (1 - ls) + 0.5 * ls (tf.compat.v1.losses.sigmoid_cross_entropy).


def _minimax_d(r, g, rw, gw, red):
  return (reduce(xent(r, _MINIMAX_REAL_LABEL), rw, red) +
          reduce(xent(g, 0.0), gw, red))


def _minimax_g(r, g, rw, gw, red):
  # Upstream: -minimax_discriminator_loss(ones_like(g), g, 0.0, w, w).
  return -(reduce(xent(np.ones_like(g), 1.0), gw, red) +
           reduce(xent(g, 0.0), gw, red))


def _rel(r, g):
  return r - r.dtype.type(np.mean(g)), g - g.dtype.type(np.mean(r))


def _two(f_real, f_gen, relative=False):
  def ref(r, g, rw, gw, red):
    if relative:
      r, g = _rel(r, g)
    return reduce(f_real(r), rw, red) + reduce(f_gen(g), gw, red)
  return ref


SPECS = {
    'minimax': Spec(_minimax_g, _minimax_d, ONE_TWO, True),
    'modified': Spec(_one(lambda g: xent(g, 1.0)), _minimax_d, ONE_TWO, True),
    'wasserstein': Spec(_one(lambda g: -g),
                        lambda r, g, rw, gw, red: (reduce(g, gw, red) -
                                                   reduce(r, rw, red)),
                        ONE_TWO, False),
    'wasserstein_hinge': Spec(_one(lambda g: -g),
                              _two(lambda r: relu(1 - r), lambda g: relu(1 + g)),
                              ONE_TWO, False),
    'least_squares': Spec(_one(lambda g: 0.5 * (g - 1) ** 2),
                          _two(lambda r: 0.5 * (r - 1) ** 2,
                               lambda g: 0.5 * g ** 2), ONE_TWO, False),
    'hinge': Spec(_one(lambda g: -g),
                  _two(lambda r: relu(1 - r), lambda g: relu(1 + g)),
                  ONE_TWO, True),
    'lsgan': Spec(_one(lambda g: 0.5 * (g - 1) ** 2),
                  _two(lambda r: 0.5 * (r - 1) ** 2, lambda g: 0.5 * g ** 2),
                  ONE_TWO, True),
    # Jolicoeur-Martineau 2018, eqs. for RaSGAN, RaLSGAN, RaHingeGAN.
    'relativistic': Spec(
        _two(lambda r: xent(r, 0.0), lambda g: xent(g, 1.0), True),
        _two(lambda r: xent(r, 1.0), lambda g: xent(g, 0.0), True),
        TWO_TWO, True),
    'relativistic_lsgan': Spec(
        _two(lambda r: (r + 1) ** 2, lambda g: (g - 1) ** 2, True),
        _two(lambda r: (r - 1) ** 2, lambda g: (g + 1) ** 2, True),
        TWO_TWO, True),
    'relativistic_hinge': Spec(
        _two(lambda r: relu(1 + r), lambda g: relu(1 - g), True),
        _two(lambda r: relu(1 - r), lambda g: relu(1 + g), True),
        TWO_TWO, True),
    # Jolicoeur-Martineau 2018, RSGAN (section 4.1); Huang et al. 2024 (R3GAN,
    # arXiv:2501.05441), RpGAN: real and generated paired by position.
    'relativistic_pairing': Spec(
        lambda r, g, rw, gw, red: reduce(xent(r - g, 0.0), gw, red),
        lambda r, g, rw, gw, red: reduce(xent(r - g, 1.0), gw, red),
        ('one', 'one'), False),
    # Zhao et al. 2016, eqs. (1)-(2), margin 1 (not registered: D must be an
    # energy, see energy_based_generator_loss).
    'energy_based': Spec(_one(lambda g: g),
                         _two(lambda r: r, lambda g: relu(1 - g)), ONE_TWO, True),
}


def weight_kwargs(spec, side, real_weights, generated_weights):
  """The weights keywords of `side`'s loss under `spec` ('one' gets gw)."""
  if spec.weights[('generator', 'discriminator').index(side)] == 'one':
    return {'weights': generated_weights}
  return {'real_weights': real_weights, 'generated_weights': generated_weights}


def lsgan_reference(r, g, a, b, c, rw=1.0, gw=1.0, red=Reduction.SUM_BY_NONZERO_WEIGHTS):
  """Mao et al. 2017 eq. (2): D and G losses with targets a (fake), b, c."""
  d = reduce(0.5 * (r - b) ** 2, rw, red) + reduce(0.5 * (g - a) ** 2, gw, red)
  return reduce(0.5 * (g - c) ** 2, gw, red), d


def feature_matching_reference(real, gen, weights=1.0,
                               red=Reduction.SUM_BY_NONZERO_WEIGHTS):
  """Salimans et al. 2016 section 3.1, per-example flattened features."""
  real = np.reshape(real, (real.shape[0], -1)).astype(np.float64)
  gen = np.reshape(gen, (gen.shape[0], -1)).astype(np.float64)
  return reduce((real.mean(0) - gen.mean(0)) ** 2, weights, red)


# ------------------------------------------------------------ penalties ---
#
# A small nonlinear discriminator with a closed-form input gradient:
#   D(x) = sum_j v_j * tanh(x . W[:, j])      (x flattened per example)
#   grad_x D(x) = W @ (v * (1 - tanh(x W)^2))


class TanhDiscriminator(object):
  """D(x) = tanh(x W) v, as a TF discriminator_fn and in NumPy."""

  def __init__(self, dim, hidden=5, seed=0):
    rng = np.random.RandomState(seed)
    self.w = rng.normal(size=(dim, hidden)).astype(np.float32) / np.sqrt(dim)
    self.v = rng.normal(size=(hidden, 1)).astype(np.float32)

  def __call__(self, x, unused_generator_inputs):
    flat = tf.reshape(x, [tf.shape(x)[0], -1])
    w = tf.cast(self.w, flat.dtype)
    v = tf.cast(self.v, flat.dtype)
    return tf.matmul(tf.tanh(tf.matmul(flat, w)), v)

  def numpy_outputs(self, x):
    flat = np.reshape(x, (x.shape[0], -1)).astype(np.float64)
    return np.tanh(flat @ self.w) @ self.v

  def numpy_gradient(self, x):
    flat = np.reshape(x, (x.shape[0], -1)).astype(np.float64)
    h = np.tanh(flat @ self.w)
    return ((1 - h ** 2) * self.v[:, 0]) @ self.w.T

  def squared_gradient_norms(self, x):
    return (self.numpy_gradient(x) ** 2).sum(axis=1)


def gradient_norm_penalty(squares, target=1.0, epsilon=1e-10):
  """(sqrt(||g||^2 + eps) - target)^2 per example (DRAGAN and WGAN-GP)."""
  return (np.sqrt(squares + epsilon) - target) ** 2


# --------------------------------------------------------------- running ---


def fake_model(**fields):
  """A tfgan.GANModel with only the given fields set (others None)."""
  model = tfgan.GANModel(*([None] * len(tfgan.GANModel._fields)))
  return model._replace(**fields)


def run_graph(build):
  """Builds `build()` in a fresh graph, returns (values, graph)."""
  graph = tf.Graph()
  with graph.as_default():
    tensors = build()
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      return sess.run(tensors), graph


def graph_value(build):
  return run_graph(build)[0]
