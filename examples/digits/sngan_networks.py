# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""SNGAN's networks for TF-1 graphs (`tfgan.gan_model` / `gan_train`).

The standard CNN and the ResNet of `Spectral Normalization for Generative
Adversarial Networks` (Miyato et al. 2018, https://arxiv.org/abs/1802.05957,
appendix B, tables 3 and 4: the CIFAR-10 networks), unconditional and
class-conditional as in `cGANs with Projection Discriminator` (Miyato &
Koyama 2018, https://arxiv.org/abs/1802.05637): conditional batch
normalization in the generator, a head on the discriminator's features
(`tfgan_ext.conditional.HEADS`; projection by default). The discriminators
are spectrally normalized: every kernel through TF-GAN's custom getter
(`tfgan.features.spectral_normalization_custom_getter`, one power iteration
per call), the heads by themselves. sngan_keras_networks.py builds the same
networks as Keras models.

Architectures (width w; output H x W x C; every convolution 'same'):

  standard CNN generator (paper: w = 64), noise z (128 in the paper):
    dense -> h0 x w0 x 8w, BN, ReLU
    4x4 transposed conv, stride s1, 4w, BN, ReLU
    4x4 transposed conv, stride 2, 2w, BN, ReLU
    4x4 transposed conv, stride 2, w, BN, ReLU
    3x3 conv, stride 1, C, tanh
  standard CNN discriminator (paper: w = 64), leaky ReLU (0.1) after each:
    3x3 conv s1 w, 4x4 conv s2 w, 3x3 conv s1 2w, 4x4 conv s2 2w,
    3x3 conv s1 4w, 4x4 conv s2 4w, 3x3 conv s1 8w -> flatten -> dense 1
  ResNet generator (paper: w = 256):
    dense -> h0 x w0 x w; ResBlock up(s1) w; ResBlock up w; ResBlock up w;
    BN, ReLU, 3x3 conv C, tanh
    (ResBlock: BN, ReLU, [up], 3x3 conv, BN, ReLU, 3x3 conv; shortcut
    [up], 1x1 conv when it upsamples or changes width; up = nearest x2)
  ResNet discriminator (paper: w = 128):
    OptimizedBlock down w; ResBlock down w; ResBlock w; ResBlock w; ReLU,
    global sum pooling -> dense 1
    (ResBlock: ReLU, 3x3 conv, ReLU, 3x3 conv, [down]; shortcut 1x1 conv,
    [down], when it downsamples or changes width; OptimizedBlock: 3x3 conv,
    ReLU, 3x3 conv, down; shortcut down, 1x1 conv; down = 2x2 average pool)

Conditional (`num_classes` set): every batch normalization of the standard
CNN generator, and both of each generator ResBlock, is conditional (the
ResNet's last one is not, as in the authors' code); the discriminator's
dense 1 becomes the head.

Where this differs from the tables: batch normalization after the
generator's dense layer (the authors' Chainer code has it; the table lists
none), over channels after the reshape; the dense 1 of both discriminators
has a bias (the ResNet code has none). The authors' standard CNN code widens
the discriminator earlier (64, 128, 128, 256, 256, 512, 512); this follows
the table. Batch normalization as the authors' Chainer code: momentum 0.9,
epsilon 2e-5. Initial weights as that code: N(0, 0.02) in the standard CNNs;
Glorot uniform with gain sqrt(2) for the ResBlocks' 3x3 convolutions and
Glorot uniform elsewhere in the ResNets (and in every head).

Sizes: the generator's base map h0 x w0 is H/8 x W/8 with three x2 stages
when H and W are multiples of 8 (32 -> 4, the paper's CIFAR-10; 48 -> 6,
its STL-10); otherwise, for multiples of 4, it is H/4 x W/4 and the first
stage keeps the resolution (s1 = 1; the first ResBlock does not upsample):
28 -> 7 for MNIST, with every layer and width of the 32 x 32 network. The
discriminators take any size as they are (28 x 28: the CNN's stride-2
convolutions give 14, 7, 4; the ResNet's pools 14, 7).
"""

import contextlib

import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext import conditional

__all__ = [
    'ARCHITECTURES', 'BN_EPSILON', 'BN_MOMENTUM', 'CNN_DISCRIMINATOR_LAYERS',
    'CNN_GENERATOR_MULTIPLES', 'DEFAULT_WIDTHS', 'DISCRIMINATORS',
    'GENERATORS', 'LEAKY_RELU_SLOPE', 'NOISE_DIMS', 'cnn_discriminator',
    'cnn_generator', 'generator_plan', 'resnet_discriminator',
    'resnet_generator',
]

_v1 = tf.compat.v1
_layers = tf.compat.v1.layers

ARCHITECTURES = ('cnn', 'resnet')
# The paper's widths w (tables 3 and 4), by (architecture, network).
DEFAULT_WIDTHS = {('cnn', 'generator'): 64, ('cnn', 'discriminator'): 64,
                  ('resnet', 'generator'): 256,
                  ('resnet', 'discriminator'): 128}
NOISE_DIMS = 128
LEAKY_RELU_SLOPE = 0.1
BN_MOMENTUM = 0.9
BN_EPSILON = 2e-5
# Standard CNN discriminator: (kernel size, stride, width multiple) per conv.
CNN_DISCRIMINATOR_LAYERS = ((3, 1, 1), (4, 2, 1), (3, 1, 2), (4, 2, 2),
                            (3, 1, 4), (4, 2, 4), (3, 1, 8))
# Standard CNN generator: width multiples of the base map and the three
# transposed convolutions.
CNN_GENERATOR_MULTIPLES = (8, 4, 2, 1)

_CNN_INIT = _v1.random_normal_initializer(stddev=0.02)
_RESIDUAL_INIT = _v1.variance_scaling_initializer(
    scale=2.0, mode='fan_avg', distribution='uniform')
_GLOROT_INIT = _v1.glorot_uniform_initializer()


def generator_plan(image_shape):
  """The generator's base map and which of its three stages upsample.

  Args:
    image_shape: (height, width, channels) of the images.

  Returns:
    (base_height, base_width, (upsample1, upsample2, upsample3)).

  Raises:
    ValueError: height or width not a multiple of 4.
  """
  height, width = int(image_shape[0]), int(image_shape[1])
  if height % 8 == 0 and width % 8 == 0:
    return height // 8, width // 8, (True, True, True)
  if height % 4 == 0 and width % 4 == 0:
    return height // 4, width // 4, (False, True, True)
  raise ValueError('SNGAN generators make images whose height and width are '
                   'multiples of 4 (32 x 32, 28 x 28, ...), got %s.'
                   % (tuple(image_shape),))


def _noise_and_labels(inputs, num_classes):
  """(noise, labels or None, num_classes) from a generator's inputs."""
  if not isinstance(inputs, (tuple, list)):
    if num_classes is not None:
      raise ValueError('num_classes=%r, but the generator inputs hold no '
                       'labels: pass (noise, labels).' % (num_classes,))
    return inputs, None, None
  if len(inputs) != 2:
    raise ValueError('Generator inputs are noise or (noise, labels), got %d '
                     'tensors.' % len(inputs))
  noise, labels = inputs
  if num_classes is None:
    labels = tf.convert_to_tensor(labels)
    if labels.shape.rank != 2 or labels.shape[-1] is None:
      raise ValueError('Pass num_classes: the labels (shape %s) are not '
                       'one-hot rows of known width.' % labels.shape)
    num_classes = labels.shape[-1]
  return noise, labels, num_classes


def _discriminator_labels(generator_inputs, num_classes):
  """The labels of a conditional discriminator's generator inputs."""
  if num_classes is None:
    return None
  if not isinstance(generator_inputs, (tuple, list)) or len(
      generator_inputs) != 2:
    raise ValueError('A conditional discriminator (num_classes=%r) reads the '
                     'labels from generator inputs (noise, labels), got %r.'
                     % (num_classes, generator_inputs))
  return generator_inputs[1]


def _batch_norm(net, labels, num_classes, training, scope):
  """Batch normalization, conditional on `labels` when there are some."""
  if labels is None:
    return _layers.BatchNormalization(
        momentum=BN_MOMENTUM, epsilon=BN_EPSILON, name=scope)(
            net, training=training)
  return conditional.conditional_batch_norm(
      net, labels, num_classes, training, BN_MOMENTUM, BN_EPSILON,
      scope=scope)


def _conv(net, filters, kernel, stride, initializer, name):
  return _layers.Conv2D(filters, kernel, strides=stride, padding='same',
                        kernel_initializer=initializer, name=name)(net)


def _upsample(net):
  """Nearest-neighbour x2 (each pixel repeated 2 x 2)."""
  return tf.repeat(tf.repeat(net, 2, axis=1), 2, axis=2)


def _downsample(net):
  """2 x 2 average pooling."""
  return tf.nn.avg_pool2d(net, 2, 2, 'VALID')


@contextlib.contextmanager
def _spectral_norm(enabled):
  """Every kernel created inside divided by its spectral norm (if enabled)."""
  if not enabled:
    yield
    return
  with _v1.variable_scope(
      _v1.get_variable_scope(),
      custom_getter=tfgan.features.spectral_normalization_custom_getter(
          training=True)):
    yield


def _output(features, labels, num_classes, head, spectral_norm,
            embedding_dims, initializer):
  """The discriminator's dense 1, or its head when conditional."""
  if labels is None:
    return _layers.Dense(1, kernel_initializer=initializer,
                         name='logits')(features)
  return conditional.discriminator_head(
      head, features, labels, num_classes, spectral_norm=spectral_norm,
      embedding_dims=embedding_dims)


def cnn_generator(inputs, image_shape, width=64, num_classes=None,
                  training=True):
  """SNGAN's standard CNN generator (module docstring).

  Args:
    inputs: Noise [B, Z], or (noise, labels) for a conditional generator
      (labels: one-hot [B, K], or class ids [B] with `num_classes`).
    image_shape: (height, width, channels) of the images (multiples of 4).
    width: w (the paper's: 64).
    num_classes: K, when the labels are class ids (else read from them).
    training: Batch statistics (True) or the moving averages.

  Returns:
    Images [B, H, W, C] in [-1, 1].
  """
  noise, labels, num_classes = _noise_and_labels(inputs, num_classes)
  base_h, base_w, upsample = generator_plan(image_shape)
  multiples = CNN_GENERATOR_MULTIPLES
  net = _layers.Dense(base_h * base_w * multiples[0] * width,
                      kernel_initializer=_CNN_INIT, name='dense')(noise)
  net = tf.reshape(net, [-1, base_h, base_w, multiples[0] * width])
  net = tf.nn.relu(_batch_norm(net, labels, num_classes, training, 'bn0'))
  for i, (multiple, up) in enumerate(zip(multiples[1:], upsample), 1):
    net = _layers.Conv2DTranspose(
        multiple * width, 4, strides=2 if up else 1, padding='same',
        kernel_initializer=_CNN_INIT, name='deconv%d' % i)(net)
    net = tf.nn.relu(_batch_norm(net, labels, num_classes, training,
                                 'bn%d' % i))
  net = _conv(net, image_shape[-1], 3, 1, _CNN_INIT, 'conv_out')
  return tf.tanh(net)


def cnn_discriminator(images, generator_inputs, width=64, num_classes=None,
                      head='projection', spectral_norm=True,
                      embedding_dims=512):
  """SNGAN's standard CNN discriminator (module docstring).

  Args:
    images: Images [B, H, W, C].
    generator_inputs: The generator's inputs; a conditional discriminator
      reads the labels from (noise, labels).
    width: w (the paper's: 64).
    num_classes: K for a conditional discriminator, else None.
    head: The conditional head (`tfgan_ext.conditional.HEADS`).
    spectral_norm: Spectrally normalize (SNGAN); False for ablations.
    embedding_dims: E of the 'd2dce' head.

  Returns:
    Logits [B, 1], or what the head returns.
  """
  labels = _discriminator_labels(generator_inputs, num_classes)
  images = conditional.labels.floating_input(images, 'images', 4, 4)
  net = images
  with _spectral_norm(spectral_norm):
    for i, (kernel, stride, multiple) in enumerate(CNN_DISCRIMINATOR_LAYERS):
      net = _conv(net, multiple * width, kernel, stride, _CNN_INIT,
                  'conv%d' % i)
      net = tf.nn.leaky_relu(net, alpha=LEAKY_RELU_SLOPE)
    features = _layers.Flatten(name='flatten')(net)
    return _output(features, labels, num_classes, head, spectral_norm,
                   embedding_dims, _CNN_INIT)


def _generator_block(net, width, upsample, labels, num_classes, training,
                     scope):
  with _v1.variable_scope(scope):
    shortcut = net
    net = tf.nn.relu(_batch_norm(net, labels, num_classes, training, 'bn1'))
    if upsample:
      net = _upsample(net)
    net = _conv(net, width, 3, 1, _RESIDUAL_INIT, 'conv1')
    net = tf.nn.relu(_batch_norm(net, labels, num_classes, training, 'bn2'))
    net = _conv(net, width, 3, 1, _RESIDUAL_INIT, 'conv2')
    if upsample or shortcut.shape[-1] != width:
      if upsample:
        shortcut = _upsample(shortcut)
      shortcut = _conv(shortcut, width, 1, 1, _GLOROT_INIT, 'shortcut')
    return net + shortcut


def _discriminator_block(net, width, downsample, first, scope):
  with _v1.variable_scope(scope):
    shortcut = net
    if not first:  # The optimized first block starts with a convolution.
      net = tf.nn.relu(net)
    net = _conv(net, width, 3, 1, _RESIDUAL_INIT, 'conv1')
    net = _conv(tf.nn.relu(net), width, 3, 1, _RESIDUAL_INIT, 'conv2')
    if downsample:
      net = _downsample(net)
    if first:
      shortcut = _conv(_downsample(shortcut), width, 1, 1, _GLOROT_INIT,
                       'shortcut')
    elif downsample or shortcut.shape[-1] != width:
      shortcut = _conv(shortcut, width, 1, 1, _GLOROT_INIT, 'shortcut')
      if downsample:
        shortcut = _downsample(shortcut)
    return net + shortcut


def resnet_generator(inputs, image_shape, width=256, num_classes=None,
                     training=True):
  """SNGAN's ResNet generator (module docstring); arguments as `cnn_generator`.

  Returns:
    Images [B, H, W, C] in [-1, 1].
  """
  noise, labels, num_classes = _noise_and_labels(inputs, num_classes)
  base_h, base_w, upsample = generator_plan(image_shape)
  net = _layers.Dense(base_h * base_w * width, kernel_initializer=_GLOROT_INIT,
                      name='dense')(noise)
  net = tf.reshape(net, [-1, base_h, base_w, width])
  for i, up in enumerate(upsample, 1):
    net = _generator_block(net, width, up, labels, num_classes, training,
                           'block%d' % i)
  net = tf.nn.relu(_batch_norm(net, None, None, training, 'bn_out'))
  net = _conv(net, image_shape[-1], 3, 1, _GLOROT_INIT, 'conv_out')
  return tf.tanh(net)


def resnet_discriminator(images, generator_inputs, width=128,
                         num_classes=None, head='projection',
                         spectral_norm=True, embedding_dims=512):
  """SNGAN's ResNet discriminator (module docstring); arguments as `cnn_discriminator`.

  Returns:
    Logits [B, 1], or what the head returns.
  """
  labels = _discriminator_labels(generator_inputs, num_classes)
  net = conditional.labels.floating_input(images, 'images', 4, 4)
  with _spectral_norm(spectral_norm):
    net = _discriminator_block(net, width, True, True, 'block1')
    net = _discriminator_block(net, width, True, False, 'block2')
    net = _discriminator_block(net, width, False, False, 'block3')
    net = _discriminator_block(net, width, False, False, 'block4')
    features = tf.reduce_sum(tf.nn.relu(net), axis=[1, 2])
    return _output(features, labels, num_classes, head, spectral_norm,
                   embedding_dims, _GLOROT_INIT)


GENERATORS = {'cnn': cnn_generator, 'resnet': resnet_generator}
DISCRIMINATORS = {'cnn': cnn_discriminator, 'resnet': resnet_discriminator}
