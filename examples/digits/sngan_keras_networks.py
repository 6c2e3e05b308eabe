# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""SNGAN's networks as Keras models (Keras 3 or tf-keras).

The architectures of sngan_networks.py (see its docstring: the paper's
tables, the 28 x 28 plan, initializers, batch normalization settings),
built as functional models of the package `K`. The discriminators wrap
every convolution and dense layer in the package's SpectralNormalization
(`tfgan_ext.conditional.layers_for(K)`; tf-keras' made to build whatever
`tf.keras` is); the heads are tfgan_ext.conditional's layers.

Conditional models: the generator takes [noise, one-hot labels
[B, num_classes]] and uses ConditionalBatchNormalization; the
discriminator takes [images, one-hot labels] when its head reads labels
(concat, projection, projection_ac, d2dce), else images only (ac,
multi_hinge). GANModel
passes the generator inputs' labels to a discriminator with two inputs.
Outputs are float32 under mixed precision: logits [B, 1], or the head's
dict of DiscriminatorOutputs fields.
"""

from examples.digits import sngan_networks as arch
from tfgan_ext import conditional

__all__ = ['DISCRIMINATORS', 'GENERATORS', 'cnn_discriminator',
           'cnn_generator', 'resnet_discriminator', 'resnet_generator']


class _Builder:
  """The layers of one Keras package, with the SNGAN settings."""

  def __init__(self, K, num_classes=None, synchronized_batch_norm=False):
    self.K = K
    self.parts = conditional.layers_for(K)
    self.num_classes = num_classes
    self.synchronized = synchronized_batch_norm

  # Initializers: a new instance per layer (tf-keras gives every call of one
  # unseeded instance the same values).

  def cnn_init(self):
    return self.K.initializers.RandomNormal(stddev=0.02)

  def residual_init(self):
    return self.K.initializers.VarianceScaling(
        scale=2.0, mode='fan_avg', distribution='uniform')

  def glorot_init(self):
    return self.K.initializers.GlorotUniform()

  def inputs(self, shape, name):
    return self.K.Input(tuple(shape), name=name)

  def labels(self):
    return self.K.Input((self.num_classes,), name='labels')

  def batch_norm(self, net, labels, name):
    """Batch normalization, conditional when `labels` is a tensor."""
    extra = {'synchronized': True} if self.synchronized else {}
    if labels is None:
      return self.K.layers.BatchNormalization(
          momentum=arch.BN_MOMENTUM, epsilon=arch.BN_EPSILON, name=name,
          **extra)(net)
    return self.parts.ConditionalBatchNormalization(
        self.num_classes, momentum=arch.BN_MOMENTUM, epsilon=arch.BN_EPSILON,
        synchronized=self.synchronized, name=name)([net, labels])

  def conv(self, net, filters, kernel, stride, initializer, name,
           spectral_norm=False):
    """A 'same' Conv2D (`initializer`: one of the methods above) on `net`."""
    layer = self.K.layers.Conv2D(filters, kernel, strides=stride,
                                 padding='same',
                                 kernel_initializer=initializer(), name=name)
    if spectral_norm:
      layer = self.parts.SpectralNormalization(layer, name=name + '_sn')
    return layer(net)

  def relu(self, net):
    return self.K.layers.ReLU()(net)

  def upsample(self, net):
    return self.K.layers.UpSampling2D(2)(net)

  def downsample(self, net):
    return self.K.layers.AveragePooling2D(2)(net)

  def images_output(self, net, channels, initializer):
    net = self.conv(net, channels, 3, 1, initializer, 'conv_out')
    return self.K.layers.Activation('tanh', dtype='float32',
                                    name='images')(net)

  def output(self, features, labels, head, spectral_norm, embedding_dims,
             initializer):
    """The dense 1 (float32 logits), or the head when conditional."""
    if self.num_classes is None:
      layer = self.K.layers.Dense(1, kernel_initializer=initializer(),
                                  name='dense_out')
      if spectral_norm:
        layer = self.parts.SpectralNormalization(layer, name='dense_out_sn')
      return self.K.layers.Activation('linear', dtype='float32',
                                      name='logits')(layer(features))
    layer = conditional.head_layer(
        self.K, head, self.num_classes, spectral_norm=spectral_norm,
        embedding_dims=embedding_dims, name=head + '_head')
    return layer([features, labels] if layer.uses_labels else features)


def _generator_inputs(builder, noise_dims):
  noise = builder.inputs((noise_dims,), 'noise')
  if builder.num_classes is None:
    return noise, noise, None
  labels = builder.labels()
  return [noise, labels], noise, labels


def _discriminator_inputs(builder, image_shape, head):
  images = builder.inputs(image_shape, 'images')
  if builder.num_classes is None:
    return images, images, None
  if head not in conditional.HEADS:
    raise ValueError('Unknown discriminator head %r; choose one of: %s.'
                     % (head, ', '.join(conditional.HEADS)))
  if head not in conditional.HEADS_READING_LABELS:
    return images, images, None
  labels = builder.labels()
  return [images, labels], images, labels


def cnn_generator(K, image_shape, noise_dims=128, width=64, num_classes=None,
                  synchronized_batch_norm=False, name='sngan_cnn_generator'):
  """SNGAN's standard CNN generator as a Keras model of package `K`.

  Args:
    K: The Keras package (`keras` or `tf_keras`).
    image_shape: (height, width, channels) (multiples of 4).
    noise_dims: Noise size (the paper's: 128).
    width: w (the paper's: 64).
    num_classes: If set, a second input of one-hot labels and conditional
      batch normalization.
    synchronized_batch_norm: Batch statistics over all replicas (use under
      a multi-replica tf.distribute strategy).
    name: Model name.

  Returns:
    A Keras Model: noise [B, noise_dims] (and one-hot labels) -> images
    [B, H, W, C] in [-1, 1].
  """
  b = _Builder(K, num_classes, synchronized_batch_norm)
  inputs, noise, labels = _generator_inputs(b, noise_dims)
  base_h, base_w, upsample = arch.generator_plan(image_shape)
  multiples = arch.CNN_GENERATOR_MULTIPLES
  net = K.layers.Dense(base_h * base_w * multiples[0] * width,
                       kernel_initializer=b.cnn_init(), name='dense')(noise)
  net = K.layers.Reshape((base_h, base_w, multiples[0] * width))(net)
  net = b.relu(b.batch_norm(net, labels, 'bn0'))
  for i, (multiple, up) in enumerate(zip(multiples[1:], upsample), 1):
    net = K.layers.Conv2DTranspose(
        multiple * width, 4, strides=2 if up else 1, padding='same',
        kernel_initializer=b.cnn_init(), name='deconv%d' % i)(net)
    net = b.relu(b.batch_norm(net, labels, 'bn%d' % i))
  images = b.images_output(net, image_shape[-1], b.cnn_init)
  return K.Model(inputs, images, name=name)


def cnn_discriminator(K, image_shape, width=64, num_classes=None,
                      head='projection', spectral_norm=True,
                      embedding_dims=512, name='sngan_cnn_discriminator'):
  """SNGAN's standard CNN discriminator as a Keras model of package `K`.

  Args:
    K: The Keras package.
    image_shape: (height, width, channels).
    width: w (the paper's: 64).
    num_classes: If set, a conditional discriminator with `head`.
    head: The conditional head (`tfgan_ext.conditional.HEADS`).
    spectral_norm: Spectrally normalize (SNGAN); False for ablations.
    embedding_dims: E of the 'd2dce' head.
    name: Model name.

  Returns:
    A Keras Model: images (and one-hot labels, for heads that read them)
    -> logits [B, 1], or the head's dict.
  """
  b = _Builder(K, num_classes)
  inputs, net, labels = _discriminator_inputs(b, image_shape, head)
  for i, (kernel, stride, multiple) in enumerate(
      arch.CNN_DISCRIMINATOR_LAYERS):
    net = b.conv(net, multiple * width, kernel, stride, b.cnn_init,
                 'conv%d' % i, spectral_norm)
    net = K.layers.LeakyReLU(arch.LEAKY_RELU_SLOPE)(net)
  features = K.layers.Flatten(name='features')(net)
  outputs = b.output(features, labels, head, spectral_norm, embedding_dims,
                     b.cnn_init)
  return K.Model(inputs, outputs, name=name)


def _generator_block(b, net, width, upsample, labels, name):
  shortcut = net
  net = b.relu(b.batch_norm(net, labels, name + '_bn1'))
  if upsample:
    net = b.upsample(net)
  net = b.conv(net, width, 3, 1, b.residual_init, name + '_conv1')
  net = b.relu(b.batch_norm(net, labels, name + '_bn2'))
  net = b.conv(net, width, 3, 1, b.residual_init, name + '_conv2')
  if upsample or shortcut.shape[-1] != width:
    if upsample:
      shortcut = b.upsample(shortcut)
    shortcut = b.conv(shortcut, width, 1, 1, b.glorot_init,
                      name + '_shortcut')
  return b.K.layers.Add(name=name)([net, shortcut])


def _discriminator_block(b, net, width, downsample, first, spectral_norm,
                         name):
  shortcut = net
  if not first:  # The optimized first block starts with a convolution.
    net = b.relu(net)
  net = b.conv(net, width, 3, 1, b.residual_init, name + '_conv1',
               spectral_norm)
  net = b.conv(b.relu(net), width, 3, 1, b.residual_init, name + '_conv2',
               spectral_norm)
  if downsample:
    net = b.downsample(net)
  if first:
    shortcut = b.conv(b.downsample(shortcut), width, 1, 1, b.glorot_init,
                      name + '_shortcut', spectral_norm)
  elif downsample or shortcut.shape[-1] != width:
    shortcut = b.conv(shortcut, width, 1, 1, b.glorot_init,
                      name + '_shortcut', spectral_norm)
    if downsample:
      shortcut = b.downsample(shortcut)
  return b.K.layers.Add(name=name)([net, shortcut])


def resnet_generator(K, image_shape, noise_dims=128, width=256,
                     num_classes=None, synchronized_batch_norm=False,
                     name='sngan_resnet_generator'):
  """SNGAN's ResNet generator as a Keras model; as `cnn_generator`."""
  b = _Builder(K, num_classes, synchronized_batch_norm)
  inputs, noise, labels = _generator_inputs(b, noise_dims)
  base_h, base_w, upsample = arch.generator_plan(image_shape)
  net = K.layers.Dense(base_h * base_w * width,
                       kernel_initializer=b.glorot_init(), name='dense')(noise)
  net = K.layers.Reshape((base_h, base_w, width))(net)
  for i, up in enumerate(upsample, 1):
    net = _generator_block(b, net, width, up, labels, 'block%d' % i)
  net = b.relu(b.batch_norm(net, None, 'bn_out'))
  images = b.images_output(net, image_shape[-1], b.glorot_init)
  return K.Model(inputs, images, name=name)


def resnet_discriminator(K, image_shape, width=128, num_classes=None,
                         head='projection', spectral_norm=True,
                         embedding_dims=512,
                         name='sngan_resnet_discriminator'):
  """SNGAN's ResNet discriminator as a Keras model; arguments as `cnn_discriminator`.

  Returns:
    A Keras Model: images (and one-hot labels, for heads that read them)
    -> logits [B, 1], or the head's dict.
  """
  b = _Builder(K, num_classes)
  inputs, net, labels = _discriminator_inputs(b, image_shape, head)
  net = _discriminator_block(b, net, width, True, True, spectral_norm,
                             'block1')
  net = _discriminator_block(b, net, width, True, False, spectral_norm,
                             'block2')
  net = _discriminator_block(b, net, width, False, False, spectral_norm,
                             'block3')
  net = _discriminator_block(b, net, width, False, False, spectral_norm,
                             'block4')
  net = b.relu(net)
  # Global sum pooling: the spatial mean times the number of positions.
  height, width_ = net.shape[1], net.shape[2]
  net = K.layers.GlobalAveragePooling2D()(net)
  features = K.layers.Rescaling(float(height * width_), name='features')(net)
  outputs = b.output(features, labels, head, spectral_norm, embedding_dims,
                     b.glorot_init)
  return K.Model(inputs, outputs, name=name)


GENERATORS = {'cnn': cnn_generator, 'resnet': resnet_generator}
DISCRIMINATORS = {'cnn': cnn_discriminator, 'resnet': resnet_discriminator}
