# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the shared network wrapper: precision, spectral norm, XLA marks."""

import collections

import numpy as np
import tensorflow as tf
import tensorflow_gan as tfgan

from examples.common import training

_Opts = collections.namedtuple('_Opts', ['mixed_precision', 'xla'])


def _dense(inputs, unused_conditioning=None):
  net = tf.compat.v1.layers.Dense(4, name='hidden')(inputs)
  return tf.compat.v1.layers.Dense(1, name='out')(tf.nn.relu(net))


def _build(mixed_precision=False, xla=False, spectral_norm=False):
  opts = _Opts(mixed_precision, xla)
  graph = tf.Graph()
  with graph.as_default():
    model = tfgan.gan_model(
        generator_fn=training.wrap_network(
            lambda z: tf.compat.v1.layers.Dense(2, name='out')(z), opts),
        discriminator_fn=training.wrap_network(_dense, opts,
                                               spectral_norm=spectral_norm),
        real_data=tf.zeros([3, 2]), generator_inputs=tf.zeros([3, 2]))
    loss = tfgan.gan_loss(model)
  return graph, model, loss


def test_mixed_precision_computes_in_float16_and_keeps_float32_outside():
  graph, model, loss = _build(mixed_precision=True)
  matmul_types = {op.get_attr('T') for op in graph.get_operations()
                  if op.type == 'MatMul' and 'gradients' not in op.name}
  assert matmul_types == {tf.float16}
  assert model.generated_data.dtype == tf.float32
  assert model.discriminator_real_outputs.dtype == tf.float32
  assert loss.generator_loss.dtype == tf.float32
  assert loss.discriminator_loss.dtype == tf.float32
  assert {v.dtype.base_dtype for v in model.generator_variables +
          model.discriminator_variables} == {tf.float32}


def test_full_precision_by_default():
  graph, _, _ = _build()
  assert {op.get_attr('T') for op in graph.get_operations()
          if op.type == 'MatMul'} == {tf.float32}


def test_spectral_norm_only_where_asked():
  graph, _, _ = _build(spectral_norm=True)
  names = [v.name for v in graph.get_collection('variables')]
  assert any(n.startswith('Discriminator/') and 'spectral_norm_u' in n
             for n in names)
  assert not any(n.startswith('Generator/') and 'spectral_norm_u' in n
                 for n in names)


def test_xla_marks_the_networks_for_compilation():
  graph, _, _ = _build(xla=True)
  marked = [op for op in graph.get_operations()
            if op.type == 'MatMul' and op.get_attr('_XlaCompile')]
  # Generator: 1 MatMul; discriminator: 2 per call, called on real and fake.
  assert len(marked) == 5


def test_device_line_without_a_gpu(monkeypatch):
  monkeypatch.setattr(tf.config, 'list_logical_devices',
                      lambda device_type=None: [])
  assert training.describe_devices() == (
      'device: CPU (no GPU visible to TensorFlow)')


def test_device_line_names_the_first_gpu(monkeypatch):
  gpus = [tf.config.LogicalDevice('/device:GPU:%d' % i, 'GPU')
          for i in range(2)]
  monkeypatch.setattr(tf.config, 'list_logical_devices',
                      lambda device_type=None: gpus if device_type == 'GPU'
                      else [])
  assert training.describe_devices() == (
      'device: /device:GPU:0 (2 GPU(s) visible; ops are placed on GPU:0)')


def test_device_line_on_this_machine():
  # No GPU here (FACTS.md "Accelerators"); a GPU machine gets the GPU line.
  expected = ('device: CPU (no GPU visible to TensorFlow)'
              if not tf.config.list_logical_devices('GPU') else
              'device: %s' % tf.config.list_logical_devices('GPU')[0].name)
  assert training.describe_devices().startswith(expected)


def test_upstream_sequential_hooks_run_one_to_five_without_hanging(tmp_path):
  # tensorflow/tensorflow#22410 reported tfgan.gan_train hanging after the
  # first step with get_sequential_train_hooks(GANTrainSteps(1, 5)) (TF 1.x,
  # a queue-based input pipeline). On this stack it trains; Adam's
  # beta2_power (created as beta2, times beta2 per update) counts updates.
  graph = tf.Graph()
  with graph.as_default():
    model = tfgan.gan_model(
        generator_fn=lambda z: tf.compat.v1.layers.Dense(2, name='out')(z),
        discriminator_fn=_dense,
        real_data=tf.random.normal([4, 2]),
        generator_inputs=tf.random.normal([4, 2]))
    loss = tfgan.gan_loss(model)
    beta2 = 0.9
    ops = tfgan.gan_train_ops(
        model, loss,
        generator_optimizer=tf.compat.v1.train.AdamOptimizer(1e-3, 0.5, beta2),
        discriminator_optimizer=tf.compat.v1.train.AdamOptimizer(
            1e-3, 0.5, beta2))
    tfgan.gan_train(
        ops, logdir=str(tmp_path),
        get_hooks_fn=tfgan.get_sequential_train_hooks(
            tfgan.GANTrainSteps(1, 5)),
        hooks=[tf.compat.v1.train.StopAtStepHook(last_step=3)],
        save_checkpoint_secs=600, save_summaries_steps=None)  # saves at end
  reader = tf.train.load_checkpoint(str(tmp_path))
  names = reader.get_variable_to_shape_map()

  def updates(prefix):
    [name] = [n for n in names
              if n.startswith(prefix) and n.endswith('beta2_power')]
    return round(float(np.log(reader.get_tensor(name)) / np.log(beta2))) - 1

  assert int(reader.get_tensor('global_step')) == 3
  assert updates('generator_train') == 3
  assert updates('discriminator_train') == 15
