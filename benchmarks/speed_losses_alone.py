# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Speed part 2: each loss alone, forward and backward, in three modes.

Generator loss + discriminator loss on random logits [batch, 1], and their
gradients with respect to both logit tensors: tfgan_ext's argument-style pair
(variant) against its upstream counterpart (reference, `speed_counterparts`),
in graph mode (one `Session.run`; the inputs are variables, so nothing is
constant-folded), eagerly (a GradientTape), and under
`tf.function(jit_compile=True)`.
"""

import inspect

import numpy as np
import tensorflow as tf
import tensorflow_gan as tfgan

from benchmarks import speed_counterparts
from benchmarks import timing
from tfgan_ext.losses import wargs

__all__ = ['MODE_LABELS', 'PART', 'run']

PART = '2 loss alone'
MODE_LABELS = {'graph': 'graph (Session)', 'eager': 'eager',
               'xla': 'tf.function(jit_compile=True)'}


def _loss_pair_fn(module, g_name, d_name):
  """fn(real_logits, gen_logits) -> G loss + D loss, argument-style."""
  g_fn, d_fn = getattr(module, g_name), getattr(module, d_name)
  g_params = set(inspect.signature(g_fn).parameters)

  def loss(real, gen):
    g_kwargs = {'discriminator_gen_outputs': gen}
    if 'discriminator_real_outputs' in g_params:
      g_kwargs['discriminator_real_outputs'] = real
    return (g_fn(**g_kwargs)
            + d_fn(discriminator_real_outputs=real,
                   discriminator_gen_outputs=gen))
  return loss


def _pair_fns(name):
  """(tfgan_ext fn, reference fn, reference label) for the loss `name`."""
  ext = _loss_pair_fn(wargs, *speed_counterparts.function_names(name))
  ref = speed_counterparts.counterpart(name)
  return (ext, _loss_pair_fn(tfgan.losses.wargs, ref.generator_loss,
                             ref.discriminator_loss), ref.label)


def _graph_callable(loss_fn, real, gen, sessions):
  graph = tf.Graph()
  with graph.as_default():
    # Variables, so that grappler cannot fold the computation into constants.
    real_v = tf.compat.v1.get_variable('real', initializer=real)
    gen_v = tf.compat.v1.get_variable('gen', initializer=gen)
    loss = loss_fn(real_v, gen_v)
    grads = tf.gradients(loss, [real_v, gen_v])
    init = tf.compat.v1.global_variables_initializer()
  session = tf.compat.v1.Session(graph=graph)
  session.run(init)
  sessions.append(session)
  target = [loss] + grads
  return lambda: session.run(target)


def _eager_fn(loss_fn):
  def forward_backward(real, gen):
    with tf.GradientTape() as tape:
      tape.watch([real, gen])
      loss = loss_fn(real, gen)
    return [loss] + tape.gradient(loss, [real, gen])
  return forward_backward


def _mode_callable(mode, loss_fn, real, gen, sessions):
  """fn() computing loss_fn's forward and backward once in `mode`."""
  if mode == 'graph':
    return _graph_callable(loss_fn, real, gen, sessions)
  real_t, gen_t = tf.constant(real), tf.constant(gen)
  fn = _eager_fn(loss_fn)
  if mode == 'eager':
    return lambda: [t.numpy() for t in fn(real_t, gen_t)]
  compiled = tf.function(fn, jit_compile=True)
  return lambda: [t.numpy() for t in compiled(real_t, gen_t)]


def run(names, settings, log):
  """One row per (batch, mode, loss) (timing.ratio_row); `log(row)` each."""
  rows = []
  rng = np.random.default_rng(0)
  for batch in settings['batches']:
    real = rng.normal(size=(batch, 1)).astype(np.float32)
    gen = rng.normal(size=(batch, 1)).astype(np.float32)
    for mode, mode_label in MODE_LABELS.items():
      for name in names:
        ext_fn, ref_fn, label = _pair_fns(name)
        sessions = []
        try:
          ext = _mode_callable(mode, ext_fn, real, gen, sessions)
          ref = _mode_callable(mode, ref_fn, real, gen, sessions)
          calls = timing.calibrate(ext, settings['loss_block_s'],
                                   settings['loss_warmup'])
          timing.calibrate(ref, settings['loss_block_s'],
                           settings['loss_warmup'])
          times = timing.interleaved(
              {'ext': timing.calls_timer(ext, calls),
               'ref': timing.calls_timer(ref, calls)}, settings['repeats'])
        finally:
          for session in sessions:
            session.close()
        rows.append(timing.ratio_row(
            PART, name, 'batch %d, %s' % (batch, mode_label),
            'tfgan_ext ' + name, label, times['ext'], times['ref'], calls))
        log(rows[-1])
  return rows
