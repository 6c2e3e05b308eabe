# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Fixed GANs on which each add-on's numbers are recorded and compared.

The add-on redesign (issue 29) must not change any number. Each case runs a
tiny GAN with one technique for three train steps, in a TF-GAN graph
(`tfgan.gan_model` -> `gan_loss` -> `gan_train_ops`, the steps run as
`gan_train`'s sequential hooks run them) or through Keras `fit`, and
returns every loss value, the gradients at the start and every variable at
the end. Everything is fixed: the weights come from a NumPy generator, the
data are constants, and TensorFlow's random ops (augmentations, DRAGAN's
perturbation, WGAN-GP's interpolation, zCR's dz) are replaced while a case
runs by stateless ones with one fixed seed, so the values depend only on the
shapes asked for, not on the order in which ops are created.

The cases themselves (how a technique is attached) live in the recorder
(written against the API before the redesign) and in the test (the API
after it); this module is the part both share.
"""

import contextlib

import numpy as np
import tensorflow as tf
import tensorflow_gan as tfgan

__all__ = ['BATCH', 'NOISE_DIMS', 'data', 'graph_case', 'keras_case',
           'stateless_random']

_v1 = tf.compat.v1
BATCH = 8
NOISE_DIMS = 2
_SEED = (7, 11)


def data():
  """Fixed (noise [8, 2], images [8, 4, 4, 1] in (-1, 1)), float32."""
  rng = np.random.default_rng(2026)
  noise = rng.normal(size=(BATCH, NOISE_DIMS)).astype(np.float32)
  images = np.tanh(rng.normal(size=(BATCH, 4, 4, 1))).astype(np.float32)
  return noise, images


def _weights():
  """The networks' initial weights (NumPy, seeded)."""
  rng = np.random.default_rng(29)
  normal = lambda *shape: (0.3 * rng.normal(size=shape)).astype(np.float32)
  return {'g_kernel': normal(NOISE_DIMS, 16), 'g_bias': normal(16),
          'd_kernel': normal(16, 8), 'd_bias': normal(8),
          'd_logit_kernel': normal(8, 1), 'd_logit_bias': normal(1)}


@contextlib.contextmanager
def stateless_random():
  """tf.random.uniform / normal as stateless ops with one fixed seed."""
  modules = [tf.random, tf.compat.v1.random]
  saved = [(m, m.uniform, m.normal) for m in modules]

  def uniform(shape, minval=0, maxval=None, dtype=tf.float32, seed=None,
              name=None):
    del seed
    dtype = tf.as_dtype(dtype)
    if maxval is None and dtype.is_floating:
      maxval = 1.0
    return tf.random.stateless_uniform(shape, _SEED, minval, maxval, dtype,
                                       name=name)

  def normal(shape, mean=0.0, stddev=1.0, dtype=tf.float32, seed=None,
             name=None):
    del seed
    return tf.random.stateless_normal(shape, _SEED, mean, stddev, dtype,
                                      name=name)

  for m in modules:
    m.uniform, m.normal = uniform, normal
  try:
    yield
  finally:
    for m, u, n in saved:
      m.uniform, m.normal = u, n


# ------------------------------------------------------------ TF-GAN graph ---


def _dense(inputs, kernel, bias, name):
  return _v1.layers.Dense(
      kernel.shape[1], name=name,
      kernel_initializer=_v1.constant_initializer(kernel),
      bias_initializer=_v1.constant_initializer(bias))(inputs)


def generator_fn(noise):
  w = _weights()
  net = _dense(noise, w['g_kernel'], w['g_bias'], 'project')
  return tf.tanh(tf.reshape(net, [-1, 4, 4, 1]))


def features_fn(images, unused_inputs):
  w = _weights()
  net = tf.reshape(images, [-1, 16])
  return tf.nn.leaky_relu(_dense(net, w['d_kernel'], w['d_bias'], 'trunk'),
                          alpha=0.2)


def discriminator_fn(images, inputs):
  w = _weights()
  return _dense(features_fn(images, inputs), w['d_logit_kernel'],
                w['d_logit_bias'], 'logit')


def default_parts(loss_name='non_saturating'):
  """What a graph case may change: networks, losses and optimizers."""
  import tfgan_ext  # pylint: disable=g-import-not-at-top
  pair = tfgan_ext.losses.get(loss_name)
  return {
      'generator_fn': generator_fn,
      'discriminator_fn': discriminator_fn,
      'generator_loss_fn': pair.generator_loss_fn,
      'discriminator_loss_fn': pair.discriminator_loss_fn,
      'generator_optimizer': _v1.train.GradientDescentOptimizer(0.05),
      'discriminator_optimizer': _v1.train.GradientDescentOptimizer(0.05),
  }


def graph_case(attach, loss_name='non_saturating', steps=3):
  """Runs one graph case; returns {name: array} of what it computed.

  Args:
    attach: fn(parts dict) -> parts dict: how the case's technique joins
      TF-GAN's loop (the networks, the two loss functions, the optimizers).
    loss_name: The registry loss pair the case starts from.
    steps: Global steps run (each: a generator update, then a
      discriminator update, as `tfgan.get_sequential_train_hooks` runs them).

  Returns:
    'losses' [steps + 1, 2] (generator, discriminator; before each step and
    at the end), 'grad/<variable>' at the start, 'var/<variable>' for every
    global variable at the end; and `names`, the sorted variable names.
  """
  noise, images = data()
  out = {}
  with stateless_random(), tf.Graph().as_default():
    _v1.set_random_seed(0)
    parts = attach(default_parts(loss_name))
    for key in ('generator_optimizer', 'discriminator_optimizer'):
      if callable(parts[key]) and not isinstance(parts[key],
                                                 _v1.train.Optimizer):
        parts[key] = parts[key]()
    model = tfgan.gan_model(
        generator_fn=parts['generator_fn'],
        discriminator_fn=parts['discriminator_fn'],
        real_data=tf.constant(images), generator_inputs=tf.constant(noise))
    loss = tfgan.gan_loss(
        model, generator_loss_fn=parts['generator_loss_fn'],
        discriminator_loss_fn=parts['discriminator_loss_fn'],
        add_summaries=False)
    grads = {}
    for which, value, variables in (
        ('g', loss.generator_loss, model.generator_variables),
        ('d', loss.discriminator_loss, model.discriminator_variables)):
      for v, g in zip(variables, tf.gradients(value, variables)):
        grads['grad/%s/%s' % (which, v.op.name)] = g
    ops = tfgan.gan_train_ops(
        model, loss, generator_optimizer=parts['generator_optimizer'],
        discriminator_optimizer=parts['discriminator_optimizer'])
    with _v1.Session() as sess:
      sess.run([_v1.global_variables_initializer(),
                _v1.local_variables_initializer()])
      out.update(sess.run(grads))
      losses = []
      for _ in range(steps):
        losses.append(sess.run([loss.generator_loss,
                                loss.discriminator_loss]))
        sess.run(ops.generator_train_op)
        sess.run(ops.discriminator_train_op)
        sess.run(ops.global_step_inc_op)
      losses.append(sess.run([loss.generator_loss, loss.discriminator_loss]))
      out['losses'] = np.array(losses, np.float64)
      variables = _v1.global_variables()
      for v, value in zip(variables, sess.run(variables)):
        out['var/%s' % v.op.name] = value
  return out


# ------------------------------------------------------------------ Keras ---


def keras_models(K):
  """The graph case's networks as Keras models of package `K`."""
  w = _weights()
  generator = K.Sequential([
      K.Input((NOISE_DIMS,)), K.layers.Dense(16, name='project'),
      K.layers.Reshape((4, 4, 1)), K.layers.Activation('tanh')],
                           name='generator')
  images = K.Input((4, 4, 1))
  features = K.layers.LeakyReLU(0.2, name='features')(K.layers.Dense(
      8, name='trunk')(K.layers.Flatten()(images)))
  logits = K.layers.Dense(1, name='logit')(features)
  discriminator = K.Model(images, logits, name='discriminator')
  generator.set_weights([w['g_kernel'], w['g_bias']])
  discriminator.set_weights([w['d_kernel'], w['d_bias'],
                             w['d_logit_kernel'], w['d_logit_bias']])
  return generator, discriminator


def keras_case(compile_gan, package='keras', steps=3):
  """Runs one Keras case; returns {name: array} of what it computed.

  Args:
    compile_gan: fn(K, generator, discriminator) -> a compiled GANModel
      (SGD 0.05 for both players is the cases' convention).
    package: 'keras' or 'tf_keras'.
    steps: Train steps (`fit` with one epoch of `steps` steps; with
      `discriminator_steps=k` each takes k copies of the fixed batch).

  Returns:
    'log/<name>' [1] for every logged value, 'weights/<i>' for every weight
    of the GANModel at the end (its networks, the averaged generator and
    state weights, in the model's order), and `names`, the weight names.
  """
  import importlib  # pylint: disable=g-import-not-at-top
  K = importlib.import_module(package)
  noise, images = data()
  with stateless_random():
    generator, discriminator = keras_models(K)
    gan = compile_gan(K, generator, discriminator)
    dataset = tf.data.Dataset.from_tensors((noise, images)).repeat()
    history = gan.fit(dataset, epochs=1,
                      steps_per_epoch=steps, verbose=0)
  out = {'log/%s' % k: np.array(v, np.float64)
         for k, v in history.history.items()}
  for i, weight in enumerate(gan.weights):
    out['weights/%02d/%s' % (i, weight.name)] = np.array(weight)
  return out
