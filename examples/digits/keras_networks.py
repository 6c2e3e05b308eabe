# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The digits example's DCGAN networks as Keras models (Keras 3 or tf-keras).

The same architecture as networks.py (TF-1 layers for `gan_train`):
generator noise (and, when conditional, a one-hot label) -> dense to an
(H/4, W/4, 2c) map -> two stride-2 transposed 4x4 convolutions -> tanh, batch
normalization and ReLU between (Radford et al., arXiv:1511.06434);
discriminator two stride-2 4x4 convolutions with leaky ReLU (0.2), no
normalization -> flatten (layer 'features', for feature matching) -> a dense
logit. Layer defaults match TF-1's (BN momentum 0.99, epsilon 1e-3; Glorot
uniform kernels, zero biases).

Conditional: the generator takes [noise, one_hot]; the discriminator takes
[images, one_hot] and ends in `tfgan_ext.conditional`'s concat head, a hidden
layer on the features and the label (GANModel passes the generator inputs'
labels to it; see tfgan_ext.keras.GANModel). The gan_train trainer's
--conditional is ACGAN instead. With another `head`
(`tfgan_ext.conditional.head_layer`), the discriminator is the unconditional
trunk with that head on its features (images only for the heads that do not
read labels, ac and multi_hinge).
"""

from tfgan_ext import conditional

__all__ = ['discriminator', 'generator', 'tfgan_mnist_discriminator',
           'tfgan_mnist_generator']


def generator(K, image_shape, noise_dims=32, channels=64, num_classes=None,
              synchronized_batch_norm=False, name='generator'):
  """The generator as a functional Keras model of package `K`.

  Args:
    K: The Keras package (`keras` or `tf_keras`).
    image_shape: (height, width, channels); height and width divisible by 4.
    noise_dims: Noise size.
    channels: Width of the first convolution (the dense map has twice it).
    num_classes: If set, a second input of one-hot labels.
    synchronized_batch_norm: Batch statistics over all replicas (use under
      a multi-replica tf.distribute strategy; the same maths as one device).
    name: Model name.

  Returns:
    A Keras Model: noise [batch, noise_dims] (and one-hot labels) -> images
    [batch, H, W, C] in [-1, 1].
  """
  height, width, out_channels = image_shape
  layers = K.layers
  noise = K.Input((noise_dims,), name='noise')
  inputs = [noise]
  net = noise
  if num_classes:
    labels = K.Input((num_classes,), name='labels')
    inputs.append(labels)
    net = layers.Concatenate()([noise, labels])

  def batch_norm(layer_name):
    kwargs = {'synchronized': True} if synchronized_batch_norm else {}
    return layers.BatchNormalization(momentum=0.99, epsilon=1e-3,
                                     name=layer_name, **kwargs)

  net = layers.Dense((height // 4) * (width // 4) * channels * 2,
                     name='project')(net)
  net = layers.ReLU()(batch_norm('bn0')(net))
  net = layers.Reshape((height // 4, width // 4, channels * 2))(net)
  net = layers.Conv2DTranspose(channels, 4, strides=2, padding='same',
                               name='deconv1')(net)
  net = layers.ReLU()(batch_norm('bn1')(net))
  net = layers.Conv2DTranspose(out_channels, 4, strides=2, padding='same',
                               name='deconv2')(net)
  images = layers.Activation('tanh', dtype='float32', name='images')(net)
  return K.Model(inputs if num_classes else noise, images, name=name)


def _with_head(K, images, features, head, num_classes):
  """(inputs, outputs) of a discriminator with `head` on `features`."""
  layer = conditional.head_layer(K, head, num_classes, spectral_norm=False,
                                 name=head + '_head')
  if not layer.uses_labels:
    return images, layer(features)
  labels = K.Input((num_classes,), name='labels')
  return [images, labels], layer([features, labels])


def discriminator(K, image_shape, channels=64, num_classes=None, head=None,
                  name='discriminator'):
  """The discriminator as a functional Keras model of package `K`.

  Args:
    K: The Keras package.
    image_shape: (height, width, channels).
    channels: Width of the first convolution (the second has twice it).
    num_classes: If set, a second input of one-hot labels, read by the
      concat head (a hidden layer on [features, label]) on the features.
    head: With `num_classes`, another `tfgan_ext.conditional` head on the
      features instead (not spectrally normalized, like the trunk).
    name: Model name.

  Returns:
    A Keras Model: images (and one-hot labels) -> logits [batch, 1]
    (float32 under mixed precision), or the head's dict of
    `DiscriminatorOutputs` fields.
  """
  layers = K.layers
  images = K.Input(tuple(image_shape), name='images')
  net = layers.Conv2D(channels, 4, strides=2, padding='same',
                      name='conv1')(images)
  net = layers.LeakyReLU(0.2)(net)
  net = layers.Conv2D(channels * 2, 4, strides=2, padding='same',
                      name='conv2')(net)
  net = layers.LeakyReLU(0.2)(net)
  features = layers.Flatten(name='features')(net)
  if num_classes:
    return K.Model(*_with_head(K, images, features, head or 'concat',
                               num_classes), name=name)
  logits = layers.Dense(1, dtype='float32', name='logits')(features)
  return K.Model(images, logits, name=name)


# ------------------------------------------- TF-GAN's MNIST networks in Keras ---

_MNIST_WEIGHT_DECAY = 2.5e-5  # tensorflow_gan.examples.mnist.networks'.


def _class_conditioning(K, net, labels, name):
  """`net` + a dense map of a 256-d class embedding, shaped like `net`.

  TF-GAN's `tfgan.features.condition_tensor_from_onehot` (the scheme of
  https://arxiv.org/abs/1609.03499): an embedding of the label (a
  [classes, 256] table, glorot-uniform as `get_variable`'s default; the
  table looked up by a one-hot label is a dense layer without bias on it),
  mapped by a dense layer (with bias) to `net`'s features and added.
  """
  layers = K.layers
  features = 1
  for size in net.shape[1:]:
    features *= size
  embedding = layers.Dense(256, use_bias=False, name=name + '_embedding')(
      labels)
  mapped = layers.Dense(features, name=name + '_map')(embedding)
  mapped = layers.Reshape(tuple(net.shape[1:]))(mapped)
  return layers.Add(name=name)([net, mapped])


def _spectral_normalization(K):
  """The package's SpectralNormalization, working on every supported stack.

  `tfgan_ext.conditional`'s subclasses: tf-keras 2.16+ cannot build its own
  wrapper, Keras 2.15 cannot trace its own inside `fit`.
  """
  return conditional.layers_for(K).SpectralNormalization


def tfgan_mnist_generator(K, noise_dims=64, num_classes=None,
                          synchronized_batch_norm=False,
                          name='tfgan_mnist_generator'):
  """TF-GAN's MNIST generator (`tensorflow_gan.examples.mnist.networks`).

  noise -> dense 1024 -> [class conditioning] -> dense 7*7*128 -> two stride-2
  4x4 transposed convolutions (64, 32) -> a 4x4 convolution to one channel
  -> tanh; batch normalization (momentum 0.999, epsilon 1e-3) and ReLU after
  each hidden layer, dense layers without bias, l2 weight decay 2.5e-5 on
  every kernel (in the model's `losses`, which `GANModel` adds to the
  generator loss as `tfgan.gan_loss` adds regularization losses).

  Args:
    K: The Keras package.
    noise_dims: Noise size (TF-GAN's example: 64).
    num_classes: If set, a second input of one-hot labels, conditioning the
      first hidden layer (TF-GAN's conditional generator).
    synchronized_batch_norm: Batch statistics over all replicas.
    name: Model name.

  Returns:
    A Keras Model: noise [batch, noise_dims] (and one-hot labels) -> images
    [batch, 28, 28, 1] in [-1, 1].
  """
  layers = K.layers
  l2 = K.regularizers.L2(_MNIST_WEIGHT_DECAY)
  noise = K.Input((noise_dims,), name='noise')
  inputs = [noise]

  def batch_norm(net, layer_name):
    kwargs = {'synchronized': True} if synchronized_batch_norm else {}
    net = layers.BatchNormalization(momentum=0.999, epsilon=1e-3,
                                    name=layer_name, **kwargs)(net)
    return layers.ReLU()(net)

  net = layers.Dense(1024, use_bias=False, kernel_regularizer=l2,
                     name='dense1')(noise)
  net = batch_norm(net, 'bn1')
  if num_classes:
    labels = K.Input((num_classes,), name='labels')
    inputs.append(labels)
    net = _class_conditioning(K, net, labels, 'conditioning')
  net = layers.Dense(7 * 7 * 128, use_bias=False, kernel_regularizer=l2,
                     name='dense2')(net)
  net = batch_norm(net, 'bn2')
  net = layers.Reshape((7, 7, 128))(net)
  net = layers.Conv2DTranspose(64, 4, strides=2, padding='same',
                               kernel_regularizer=l2, name='deconv1')(net)
  net = batch_norm(net, 'bn3')
  net = layers.Conv2DTranspose(32, 4, strides=2, padding='same',
                               kernel_regularizer=l2, name='deconv2')(net)
  net = batch_norm(net, 'bn4')
  net = layers.Conv2D(1, 4, strides=1, padding='same', kernel_regularizer=l2,
                      name='conv')(net)
  images = layers.Activation('tanh', dtype='float32', name='images')(net)
  return K.Model(inputs if num_classes else noise, images, name=name)


def tfgan_mnist_discriminator(K, num_classes=None, head=None,
                              name='tfgan_mnist_discriminator'):
  """TF-GAN's MNIST discriminator (`tensorflow_gan.examples.mnist.networks`).

  Spectrally normalized (one power iteration per call, as TF-GAN's custom
  getter does): two stride-2 4x4 convolutions (64, 128) with leaky ReLU
  (0.01) -> flatten (layer 'features') -> [class conditioning] -> dense 1024
  without bias, batch normalization (in training mode, as TF-GAN's), leaky
  ReLU -> a dense logit (not normalized); l2 weight decay 2.5e-5 on the
  normalized kernels.

  Args:
    K: The Keras package.
    num_classes: If set, a second input of one-hot labels, conditioning the
      flattened features (TF-GAN's conditional discriminator).
    head: With `num_classes`, a `tfgan_ext.conditional` head on the
      unconditional trunk's output instead (not spectrally normalized, as
      TF-GAN's logit layer is not).
    name: Model name.

  Returns:
    A Keras Model: images [batch, 28, 28, 1] (and one-hot labels) -> logits
    [batch, 1] (float32 under mixed precision), or the head's dict.

  Keras' `SpectralNormalization` (either package) is not TF-GAN's custom
  getter: at each training call it replaces the kernel by W / sigma(W),
  where TF-GAN divides on the fly and keeps W. The architecture is TF-GAN's;
  the normalization is Keras'.
  """
  layers = K.layers
  l2 = K.regularizers.L2(_MNIST_WEIGHT_DECAY)
  sn_class = _spectral_normalization(K)
  sn = lambda layer, name: sn_class(layer, name=name)

  leaky = lambda: layers.LeakyReLU(0.01)
  images = K.Input((28, 28, 1), name='images')
  net = sn(layers.Conv2D(64, 4, strides=2, padding='same',
                         kernel_regularizer=l2), name='conv1')(images)
  net = leaky()(net)
  net = sn(layers.Conv2D(128, 4, strides=2, padding='same',
                         kernel_regularizer=l2), name='conv2')(net)
  net = leaky()(net)
  net = layers.Flatten(name='features')(net)
  inputs = images
  if num_classes and not head:
    labels = K.Input((num_classes,), name='labels')
    inputs = [images, labels]
    net = _class_conditioning(K, net, labels, 'conditioning')
  net = sn(layers.Dense(1024, use_bias=False, kernel_regularizer=l2),
           name='dense')(net)
  net = layers.BatchNormalization(momentum=0.999, epsilon=1e-3,
                                  name='bn')(net, training=True)
  net = leaky()(net)
  if num_classes and head:
    return K.Model(*_with_head(K, images, net, head, num_classes), name=name)
  logits = layers.Dense(1, dtype='float32', name='logits')(net)
  return K.Model(inputs, logits, name=name)
