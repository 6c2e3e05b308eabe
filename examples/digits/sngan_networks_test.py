# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""SNGAN's TF-1 networks (sngan_networks.py) and their parameter counts.

`table_counts` derives each network's trainable parameters from the
architecture tables written out below (Miyato et al. 2018, arXiv:1802.05957,
appendix B tables 3 and 4, with the choices sngan_networks.py's docstring
states: batch norm after the generator's dense layer, biases on every
convolution and dense layer as Keras' and TF-1's defaults); the Keras
models are checked against the same counts in sngan_keras_networks_test.py.
"""

import functools

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext
from examples.digits import sngan_networks as nets

_v1 = tf.compat.v1

# The paper's widths and noise, CIFAR-10's images; MNIST's.
PAPER = {'cnn': (64, 64), 'resnet': (256, 128)}  # (generator, discriminator)
NOISE = 128
# The concat head's hidden width (tfgan_ext.conditional.graph's).
CONCAT_HIDDEN = tfgan_ext.conditional.graph.CONCAT_HIDDEN_UNITS
SIZES = {(32, 32, 3): 4, (28, 28, 1): 7}  # image -> the generator's base map


def _conv(k, cin, cout):
  return k * k * cin * cout + cout


def _dense(n_in, n_out, bias=True):
  return n_in * n_out + (n_out if bias else 0)


def table_counts(arch, image_shape, g_width, d_width, noise=NOISE,
                 num_classes=None, head='projection', embedding_dims=512):
  """(generator, discriminator) trainable parameters, from the tables."""
  size, _, c = image_shape
  base = SIZES[image_shape]
  upsamples = base * 8 == size  # False at 28: the first stage keeps 7x7.
  norm = (lambda ch: 2 * ch) if num_classes is None else (
      lambda ch: 2 * num_classes * ch)  # gamma, beta (per class).
  if arch == 'cnn':
    w = g_width
    # dense -> base^2 x 8w, BN; three 4x4 transposed convs 4w, 2w, w, BN;
    # 3x3 conv to c.
    g = _dense(noise, base * base * 8 * w) + norm(8 * w)
    for cin, cout in ((8 * w, 4 * w), (4 * w, 2 * w), (2 * w, w)):
      g += _conv(4, cin, cout) + norm(cout)
    g += _conv(3, w, c)
    w = d_width
    # Table 3(b): conv 3x3 64, 4x4 64, 3x3 128, 4x4 128, 3x3 256, 4x4 256,
    # 3x3 512 (w = 64); dense on the 4x4x512 map (28 -> 14 -> 7 -> 4 too).
    layers = ((3, c, w), (4, w, w), (3, w, 2 * w), (4, 2 * w, 2 * w),
              (3, 2 * w, 4 * w), (4, 4 * w, 4 * w), (3, 4 * w, 8 * w))
    d = sum(_conv(*layer) for layer in layers)
    features = 4 * 4 * 8 * w
  else:
    w = g_width
    # Table 4(a): dense -> base^2 x w; 3 ResBlocks up (BN, conv3, BN,
    # conv3, shortcut conv1 when upsampling); BN, conv3 to c.
    g = _dense(noise, base * base * w)
    for up in (upsamples, True, True):
      g += 2 * (norm(w) + _conv(3, w, w)) + (_conv(1, w, w) if up else 0)
    g += 2 * w + _conv(3, w, c)  # The last BN is not conditional.
    w = d_width
    # Table 4(b): optimized block (conv3 c->w, conv3, shortcut conv1 c->w),
    # ResBlock down (2 conv3, shortcut conv1), 2 ResBlocks (2 conv3 each);
    # global sum pooling -> w features.
    d = _conv(3, c, w) + _conv(3, w, w) + _conv(1, c, w)
    d += 2 * _conv(3, w, w) + _conv(1, w, w) + 4 * _conv(3, w, w)
    features = w
  if num_classes is None:
    return g, d + _dense(features, 1)
  heads = {
      'projection': _dense(features, 1) + num_classes * features,
      # A hidden layer of the head's width on [features, one-hot], a logit.
      'concat': (_dense(features + num_classes, CONCAT_HIDDEN) +
                 _dense(CONCAT_HIDDEN, 1)),
      'ac': _dense(features, 1) + _dense(features, num_classes),
      'projection_ac': (_dense(features, 1) + num_classes * features +
                        _dense(features, num_classes)),
      'multi_hinge': _dense(features, num_classes + 1),
      'd2dce': (_dense(features, 1) + _dense(features, embedding_dims) +
                 num_classes * embedding_dims),
  }
  return g, d + heads[head]


def _trainable(scope):
  return int(sum(np.prod(v.shape) for v in
                 _v1.trainable_variables(scope)))


def _build(arch, image_shape, g_width, d_width, num_classes=None,
           head='projection', batch=2):
  noise = tf.zeros([batch, NOISE])
  inputs = noise if num_classes is None else (
      noise, tf.one_hot(tf.range(batch) % num_classes, num_classes))
  with _v1.variable_scope('Generator'):
    images = nets.GENERATORS[arch](inputs, image_shape, g_width)
  with _v1.variable_scope('Discriminator'):
    outputs = nets.DISCRIMINATORS[arch](images, inputs, d_width,
                                        num_classes, head)
  return images, outputs


@pytest.mark.parametrize('image_shape', list(SIZES))
@pytest.mark.parametrize('arch', nets.ARCHITECTURES)
@pytest.mark.parametrize('num_classes', [None, 10])
def test_parameter_counts_at_the_papers_widths(arch, image_shape,
                                               num_classes):
  g_width, d_width = PAPER[arch]
  with tf.Graph().as_default():
    images, logits = _build(arch, image_shape, g_width, d_width, num_classes)
    assert images.shape == (2,) + image_shape
    assert logits.shape == (2, 1)
    counts = (_trainable('Generator'), _trainable('Discriminator'))
  assert counts == table_counts(arch, image_shape, g_width, d_width,
                                num_classes=num_classes)


def test_paper_cifar10_counts():
  """The counts at the paper's CIFAR-10 settings, for docs/conditional.md."""
  assert table_counts('cnn', (32, 32, 3), 64, 64) == (3813379, 2935873)
  assert table_counts('resnet', (32, 32, 3), 256, 128) == (4276739, 1053825)


@pytest.mark.parametrize('head', ['concat', 'ac', 'projection_ac',
                                  'multi_hinge', 'd2dce'])
def test_other_heads_parameter_counts(head):
  with tf.Graph().as_default():
    _, outputs = _build('resnet', (28, 28, 1), 8, 8, 10, head)
    counts = (_trainable('Generator'), _trainable('Discriminator'))
  assert counts == table_counts('resnet', (28, 28, 1), 8, 8, num_classes=10,
                                head=head)  # (d2dce: E = 512, the default)
  if head != 'concat':
    assert isinstance(outputs, tfgan_ext.losses.discriminator_outputs
                      .DiscriminatorOutputs)


def test_generator_plan():
  assert nets.generator_plan((32, 32, 3)) == (4, 4, (True, True, True))
  assert nets.generator_plan((48, 48, 3)) == (6, 6, (True, True, True))
  assert nets.generator_plan((28, 28, 1)) == (7, 7, (False, True, True))
  assert nets.generator_plan((8, 8, 1)) == (1, 1, (True, True, True))
  with pytest.raises(ValueError, match='multiples of 4'):
    nets.generator_plan((30, 30, 1))


def test_discriminator_is_spectrally_normalized_and_shared():
  """Every kernel has a power-iteration vector; gan_model's calls share."""
  with tf.Graph().as_default():
    real = tf.zeros([4, 8, 8, 1])
    generator_inputs = (tf.zeros([4, 16]), tf.one_hot([0, 1, 2, 0], 3))
    model = tfgan.gan_model(
        functools.partial(nets.resnet_generator, image_shape=(8, 8, 1),
                          width=4),
        functools.partial(nets.resnet_discriminator, width=4, num_classes=3),
        real_data=real, generator_inputs=generator_inputs)
    all_d = {v.op.name for v in _v1.global_variables('Discriminator')}
    d_trainable = {v.op.name for v in model.discriminator_variables}
  with tf.Graph().as_default():
    with _v1.variable_scope('Discriminator'):
      nets.resnet_discriminator(tf.zeros([4, 8, 8, 1]),
                                (tf.zeros([4, 16]), tf.zeros([4, 3])), 4, 3)
    once = {v.op.name for v in _v1.global_variables('Discriminator')}
  assert all_d == once  # The generated call created nothing new.
  kernels = {n for n in d_trainable if n.endswith('/kernel')}
  u_names = [n for n in all_d if n.endswith('spectral_norm_u')]
  assert len(kernels) == 3 + 3 + 2 + 2  # 1x1 shortcuts in blocks 1 and 2.
  for kernel in kernels:  # TF-GAN's getter names u after the kernel.
    assert [n for n in u_names if n.endswith(
        kernel + '/spectral_normalize/spectral_norm/spectral_norm_u')]
  # The projection head normalizes its own two matrices.
  assert len([n for n in all_d if 'projection_head' in n and
              n.endswith('spectral_norm_u')]) == 2


def _train(generator_fn, discriminator_fn, generator_inputs, real, steps=2,
           loss_pair=None):
  """A few alternating steps through tfgan.gan_train_ops; returns values."""
  with tf.Graph().as_default():
    _v1.set_random_seed(0)
    generator_inputs = tf.nest.map_structure(tf.constant, generator_inputs)
    model = tfgan.gan_model(generator_fn, discriminator_fn, real_data=real,
                            generator_inputs=generator_inputs)
    loss = tfgan.gan_loss(
        model, **(loss_pair or tfgan_ext.losses.get('hinge'))._asdict())
    train_ops = tfgan.gan_train_ops(
        model, loss, _v1.train.AdamOptimizer(1e-3, 0.5),
        _v1.train.AdamOptimizer(1e-3, 0.5))
    variables = model.generator_variables + model.discriminator_variables
    moving = _v1.global_variables('Generator/.*moving_mean')
    names = [v.op.name for v in variables + moving]
    with _v1.Session() as session:
      session.run(_v1.global_variables_initializer())
      before = session.run(variables + moving)
      losses = []
      for _ in range(steps):
        losses.append(session.run([train_ops.discriminator_train_op,
                                   train_ops.generator_train_op]))
      after = session.run(variables + moving)
      images = session.run(model.generated_data)
  # The logit's bias may not move: its hinge gradient, (fake margins
  # active - real margins active) / B, is 0 while every margin is active.
  unchanged = [n for n, a, b in zip(names, before, after)
               if np.array_equal(a, b) and not n.endswith(
                   ('logits/bias', 'linear/b'))]
  return np.array(losses), unchanged, len(moving), images


def test_conditional_resnet_trains_through_gan_train_ops():
  rng = np.random.default_rng(0)
  real = np.tanh(rng.normal(size=(4, 8, 8, 1))).astype(np.float32)
  generator_inputs = (rng.normal(size=(4, 16)).astype(np.float32),
                      np.eye(3, dtype=np.float32)[[0, 1, 2, 0]])
  losses, unchanged, num_moving, images = _train(
      functools.partial(nets.resnet_generator, image_shape=(8, 8, 1),
                        width=4),
      functools.partial(nets.resnet_discriminator, width=4, num_classes=3),
      generator_inputs, real)
  assert np.all(np.isfinite(losses))
  assert not unchanged, unchanged  # Every weight and moving mean moved.
  assert num_moving == 3 * 2 + 1  # cBN in the 3 blocks (2 each), last BN.
  assert images.shape == (4, 8, 8, 1) and np.abs(images).max() <= 1.0


def test_multi_hinge_head_trains_with_the_multi_hinge_loss():
  """The K + 1 head and loss (tfgan_ext.losses.get_conditional)."""
  rng = np.random.default_rng(2)
  real = np.tanh(rng.normal(size=(4, 8, 8, 1))).astype(np.float32)
  generator_inputs = (rng.normal(size=(4, 16)).astype(np.float32),
                      np.array([0, 1, 2, 0], np.int32))  # class ids
  losses, unchanged, _, _ = _train(
      functools.partial(nets.cnn_generator, image_shape=(8, 8, 1), width=2,
                        num_classes=3),
      functools.partial(nets.cnn_discriminator, width=2, num_classes=3,
                        head='multi_hinge'),
      generator_inputs, real,
      loss_pair=tfgan_ext.losses.get_conditional('multi_hinge'))
  assert np.all(np.isfinite(losses))
  assert not unchanged, unchanged


def test_unconditional_cnn_at_28x28_trains_through_gan_train_ops():
  rng = np.random.default_rng(1)
  real = np.tanh(rng.normal(size=(4, 28, 28, 1))).astype(np.float32)
  losses, unchanged, num_moving, images = _train(
      functools.partial(nets.cnn_generator, image_shape=(28, 28, 1),
                        width=2),
      functools.partial(nets.cnn_discriminator, width=2),
      rng.normal(size=(4, 16)).astype(np.float32), real)
  assert np.all(np.isfinite(losses))
  assert not unchanged, unchanged
  assert num_moving == 4
  assert images.shape == (4, 28, 28, 1) and np.abs(images).max() <= 1.0


def test_bad_inputs_are_clear_errors():
  with tf.Graph().as_default():
    noise = tf.zeros([2, 8])
    labels = tf.one_hot([0, 1], 3)
    with pytest.raises(ValueError, match='multiples of 4'):
      nets.cnn_generator(noise, (30, 30, 1), 2)
    with pytest.raises(ValueError, match='hold no labels'):
      nets.resnet_generator(noise, (8, 8, 1), 2, num_classes=3)
    with pytest.raises(ValueError, match='Pass num_classes'):
      nets.resnet_generator((noise, tf.constant([0, 1])), (8, 8, 1), 2)
    with pytest.raises(ValueError, match='reads the labels'):
      nets.resnet_discriminator(tf.zeros([2, 8, 8, 1]), noise, 2, 3)
    with pytest.raises(TypeError, match='`images` must be a floating'):
      nets.cnn_discriminator(tf.zeros([2, 8, 8, 1], tf.uint8), noise, 2)
    with pytest.raises(ValueError, match='`images` must have rank 4'):
      nets.resnet_discriminator(tf.zeros([2, 64]), noise, 2)
    with pytest.raises(ValueError, match="Unknown discriminator head 'pd'"):
      nets.resnet_discriminator(tf.zeros([2, 8, 8, 1]), (noise, labels), 2,
                                3, head='pd')
    with pytest.raises(ValueError, match='num_classes=4'):
      nets.resnet_generator((noise, labels), (8, 8, 1), 2, num_classes=4)
