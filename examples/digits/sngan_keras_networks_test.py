# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""SNGAN's Keras networks (sngan_keras_networks.py), Keras 3 and tf-keras.

Parameter counts against the tables' (sngan_networks_test.table_counts);
shapes, ranges, spectral normalization, distinct initial weights, training
through tfgan_ext.keras.GANModel.fit. Their synchronized batch norm under
MirroredStrategy is tested in tests/keras/keras_conditional_parts_test.py.
"""

import numpy as np
import pytest
import tensorflow as tf

from tfgan_ext import conditional
import tfgan_ext.keras as tfk
from examples.digits import keras_train_lib
from examples.digits import sngan_keras_networks as nets
from examples.digits import sngan_networks_test as tables


def _trainable(model):
  return int(sum(np.prod(w.shape) for w in model.trainable_weights))


@pytest.fixture(params=['keras', 'tf_keras'])
def K(request):
  return keras_train_lib.keras_package(request.param)


@pytest.mark.parametrize('arch', ['cnn', 'resnet'])
@pytest.mark.parametrize('image_shape,num_classes',
                         [((32, 32, 3), None), ((28, 28, 1), 10)])
def test_parameter_counts_at_the_papers_widths(K, arch, image_shape,
                                               num_classes):
  g_width, d_width = tables.PAPER[arch]
  generator = nets.GENERATORS[arch](K, image_shape, width=g_width,
                                    num_classes=num_classes)
  discriminator = nets.DISCRIMINATORS[arch](K, image_shape, width=d_width,
                                            num_classes=num_classes)
  assert (_trainable(generator), _trainable(discriminator)) == (
      tables.table_counts(arch, image_shape, g_width, d_width,
                          num_classes=num_classes))
  assert generator.output_shape == (None,) + image_shape
  assert discriminator.output_shape == (None, 1)


@pytest.mark.parametrize('head', ['concat', 'ac', 'projection_ac',
                                  'multi_hinge', 'd2dce'])
def test_heads_inputs_and_outputs(K, head):
  discriminator = nets.resnet_discriminator(K, (28, 28, 1), width=4,
                                            num_classes=3, head=head,
                                            embedding_dims=5)
  images = tf.zeros([2, 28, 28, 1])
  labels = tf.one_hot([0, 2], 3)
  reads_labels = head in ('concat', 'projection_ac', 'd2dce')
  assert len(discriminator.inputs) == (2 if reads_labels else 1)
  outputs = discriminator([images, labels] if reads_labels else images)
  shapes = tf.nest.map_structure(lambda t: tuple(t.shape), outputs)
  assert shapes == {
      'concat': (2, 1),
      'ac': {'logits': (2, 1), 'class_logits': (2, 3)},
      'multi_hinge': {'class_logits': (2, 4)},
      'projection_ac': {'logits': (2, 1), 'class_logits': (2, 3)},
      'd2dce': {'logits': (2, 1), 'embeddings': (2, 5), 'proxies': (2, 5)},
  }[head]
  assert _trainable(discriminator) == tables.table_counts(
      'resnet', (28, 28, 1), 4, 4, num_classes=3, head=head,
      embedding_dims=5)[1]


def test_spectral_normalization_wraps_every_discriminator_kernel(K):
  discriminator = nets.cnn_discriminator(K, (8, 8, 1), width=2,
                                         num_classes=3)
  parts = conditional.layers_for(K)
  wrapped = [l for l in discriminator.layers
             if isinstance(l, parts.SpectralNormalization)]
  assert len(wrapped) == 7  # The table's seven convolutions.
  head = discriminator.get_layer('projection_head')
  assert isinstance(head.linear, parts.SpectralNormalization)
  assert isinstance(head.class_embedding, parts.SpectralNormalization)
  plain = nets.cnn_discriminator(K, (8, 8, 1), width=2, spectral_norm=False)
  assert not [l for l in plain.layers
              if isinstance(l, parts.SpectralNormalization)]


def test_initial_weights_differ_between_layers(K):
  """One initializer instance per layer (tf-keras repeats unseeded ones)."""
  generator = nets.resnet_generator(K, (8, 8, 1), noise_dims=4, width=3)
  kernels = [generator.get_layer('block%d_conv1' % i).kernel
             for i in (1, 2, 3)]
  assert not np.array_equal(kernels[0], kernels[1])
  assert not np.array_equal(kernels[1], kernels[2])


@pytest.mark.parametrize('arch', ['cnn', 'resnet'])
def test_generators_at_28x28_give_images_in_range(K, arch):
  generator = nets.GENERATORS[arch](K, (28, 28, 1), noise_dims=8, width=2,
                                    num_classes=10)
  images = generator([tf.random.normal([3, 8]), tf.one_hot([1, 5, 9], 10)],
                     training=True)
  assert images.shape == (3, 28, 28, 1) and images.dtype == tf.float32
  assert np.abs(images).max() <= 1.0


# Keras 3 trains the ResNet with the projection head and the hinge loss,
# tf-keras the standard CNN with the D2D-CE head and loss (both conditional),
# to keep the time down.
_FIT = {'keras': ('resnet', 'projection', 'hinge'),
        'tf_keras': ('cnn', 'd2dce', 'd2dce')}


def test_conditional_networks_train_with_gan_model_fit(K):
  rng = np.random.default_rng(0)
  noise = rng.normal(size=(8, 16)).astype(np.float32)
  one_hot = np.eye(3, dtype=np.float32)[rng.integers(0, 3, 8)]
  images = np.tanh(rng.normal(size=(8, 8, 8, 1))).astype(np.float32)
  dataset = tf.data.Dataset.from_tensor_slices(
      ((noise, one_hot), images)).batch(4)
  arch, head, loss = _FIT[K.__name__]
  generator = nets.GENERATORS[arch](K, (8, 8, 1), noise_dims=16, width=4,
                                    num_classes=3)
  discriminator = nets.DISCRIMINATORS[arch](K, (8, 8, 1), width=4,
                                            num_classes=3, head=head,
                                            embedding_dims=8)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.Adam(1e-3, 0.5), K.optimizers.Adam(1e-3, 0.5),
              loss=loss)
  weights = generator.weights + discriminator.weights
  before = [np.array(w) for w in weights]
  history = gan.fit(dataset, epochs=1, verbose=0)
  losses = [v[-1] for v in history.history.values()]
  assert losses and np.all(np.isfinite(losses))
  # Every kernel, embedding table, class-conditional gamma and beta, and
  # moving mean moved (biases need not: the logit's hinge gradient is 0
  # while every margin is active; biases before batch norm cancel).
  watched = ('kernel', 'gamma', 'beta', 'moving_mean')
  unchanged = [getattr(w, 'path', w.name) for w, b in zip(weights, before)
               if any(k in getattr(w, 'path', w.name) for k in watched)
               and np.array_equal(np.array(w), b)]
  assert not unchanged, unchanged


def test_bad_arguments_are_clear_errors(K):
  with pytest.raises(ValueError, match='multiples of 4'):
    nets.cnn_generator(K, (30, 30, 1), width=2)
  with pytest.raises(ValueError, match="Unknown discriminator head 'pd'"):
    nets.resnet_discriminator(K, (8, 8, 1), width=2, num_classes=3,
                              head='pd')
