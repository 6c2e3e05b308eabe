# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel with the conditional losses: `compile(loss='d2dce')` and co.

A discriminator returning a dict (named outputs) or a list of
`DiscriminatorOutputs` fields, generator inputs (noise, one-hot labels), a
few `fit` steps with Keras 3 and tf-keras. The logged losses of a step with
learning rate 0 equal the argument-style losses (whose values
tests/losses/losses_conditional_test.py checks against NumPy) on the same
outputs; argument-style conditional losses work as a pair; R1 differentiates
the head's logits; and a head and a loss that do not fit fail in `fit` with
a message naming what is missing. Two replicas: in
tests/losses/losses_conditional_global_batch_test.py.
"""

import numpy as np
import pytest
import tensorflow as tf

import keras_testlib as lib
from tfgan_ext.addons import Penalty
import tfgan_ext.keras as tfk
from tfgan_ext.losses import wargs

K = 3  # Classes.
B = 4  # Batch.


def _networks(Keras, head, seed=0):
  """A tiny conditional generator and a discriminator with `head`."""
  Keras.utils.set_random_seed(seed)
  z, y = Keras.Input((2,)), Keras.Input((K,))
  generator = Keras.Model(
      [z, y], Keras.layers.Dense(4)(Keras.layers.Concatenate()([z, y])))
  x, labels = Keras.Input((4,)), Keras.Input((K,))
  hidden = Keras.layers.Dense(8, activation='relu')(x)
  if head == 'multi_hinge':
    outputs = {'class_logits': Keras.layers.Dense(K + 1)(hidden)}
  else:
    logits = Keras.layers.Dense(1)(hidden)
    outputs = logits
  if head == 'd2dce':
    outputs = {'logits': logits, 'embeddings': Keras.layers.Dense(5)(hidden),
               'proxies': Keras.layers.Dense(5, use_bias=False)(labels)}
  elif head == 'ac':
    outputs = [logits, Keras.layers.Dense(K)(hidden)]
  return generator, Keras.Model([x, labels], outputs)


def _data(num=2 * B, labels=True):
  rng = np.random.default_rng(1)
  noise = rng.normal(size=(num, 2)).astype(np.float32)
  one_hot = np.eye(K, dtype=np.float32)[rng.integers(0, K, num)]
  real = rng.normal(size=(num, 4)).astype(np.float32)
  inputs = (noise, one_hot) if labels else noise
  return tf.data.Dataset.from_tensor_slices((inputs, real)).batch(B), (
      noise, one_hot, real)


def _gan(Keras, head, loss, lr=1e-2, **compile_kwargs):
  generator, discriminator = _networks(Keras, head)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(Keras.optimizers.SGD(lr), Keras.optimizers.SGD(lr), loss=loss,
              **compile_kwargs)
  return gan


_PAIRS = [('d2dce', 'd2dce'), ('multi_hinge', 'multi_hinge'),
          ('ac', 'acgan'), ('ac', 'auxiliary_multi_hinge')]


@pytest.mark.parametrize('head,loss', _PAIRS)
@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_fit_trains(flavour, head, loss):
  Keras = lib.keras_package(flavour)
  gan = _gan(Keras, head, loss)
  before = [w.copy() for w in gan.discriminator.get_weights()]
  history = gan.fit(_data()[0], epochs=1, verbose=0)
  for name in ('generator_loss', 'discriminator_loss'):
    assert np.isfinite(history.history[name][-1]), name
  assert any(not np.allclose(a, b) for a, b in zip(
      before, gan.discriminator.get_weights()))


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_logged_losses_equal_the_losses(flavour):
  # Learning rate 0: the logged losses of one step are those of the
  # networks as built, which the argument-style losses compute here.
  Keras = lib.keras_package(flavour)
  dataset, arrays = _data(B)
  noise, one_hot, real = (tf.constant(a) for a in arrays)
  for head, loss in (('d2dce', 'd2dce'), ('multi_hinge', 'multi_hinge')):
    gan = _gan(Keras, head, loss, lr=0.0)
    history = gan.fit(dataset, epochs=1, verbose=0).history
    generated = gan.generator([noise, one_hot])
    real_out = gan.discriminator([real, one_hot])
    gen_out = gan.discriminator([generated, one_hot])
    if head == 'd2dce':
      want_d = wargs.hinge_discriminator_loss(
          real_out['logits'], gen_out['logits']) + 0.5 * (
              wargs.d2dce_discriminator_loss(
                  real_out['embeddings'], real_out['proxies'], one_hot))
      want_g = wargs.hinge_generator_loss(gen_out['logits']) + 0.5 * (
          wargs.d2dce_generator_loss(gen_out['embeddings'],
                                     gen_out['proxies'], one_hot))
    else:
      want_d = wargs.multi_hinge_discriminator_loss(
          real_out['class_logits'], gen_out['class_logits'], one_hot)
      want_g = wargs.multi_hinge_generator_loss(gen_out['class_logits'],
                                                one_hot)
    np.testing.assert_allclose(history['discriminator_loss'][-1],
                               want_d.numpy(), rtol=1e-5)
    np.testing.assert_allclose(history['generator_loss'][-1],
                               want_g.numpy(), rtol=1e-5)


# Upstream's ACGAN class terms alone leave the head's logit untrained.
@pytest.mark.filterwarnings('ignore:Gradients do not exist')
def test_argument_style_pair_equals_the_name():
  Keras = lib.keras_package('keras')
  dataset = _data(B)[0]
  by_name = _gan(Keras, 'multi_hinge', 'multi_hinge', lr=0.0)
  by_pair = _gan(Keras, 'multi_hinge', (wargs.multi_hinge_generator_loss,
                                        wargs.multi_hinge_discriminator_loss),
                 lr=0.0)
  want = by_name.fit(dataset, epochs=1, verbose=0).history
  got = by_pair.fit(dataset, epochs=1, verbose=0).history
  for name in ('generator_loss', 'discriminator_loss'):
    np.testing.assert_allclose(got[name], want[name], rtol=1e-6)
  # Upstream's ACGAN losses too: their one_hot_labels are read as labels.
  acgan = _gan(Keras, 'ac', (wargs.acgan_generator_loss,
                             wargs.acgan_discriminator_loss))
  assert np.isfinite(acgan.fit(dataset, epochs=1, verbose=0).history[
      'discriminator_loss'][-1])


def test_r1_differentiates_the_heads_logits():
  Keras = lib.keras_package('keras')
  gan = _gan(Keras, 'd2dce', 'd2dce', addons=[Penalty('r1', weight=5.0)])
  history = gan.fit(_data()[0], epochs=1, verbose=0).history
  assert np.isfinite(history['discriminator_loss'][-1])
  assert history['r1_penalty'][-1] > 0


_MISFITS = (
    ('ac', 'hinge', r'The discriminator returns DiscriminatorOutputs '
     r'\(logits, class_logits\), but the compiled loss reads one logit per '
     r'example'),
    # The AC head's K class logits are not multi-hinge's K + 1.
    ('ac', 'multi_hinge', r'cannot read the discriminator\'s outputs .*one-hot '
     r'over 3 classes, but `discriminator_gen_classification_logits` has 3 '
     r'columns, K \+ 1'),
    ('projection', 'd2dce', r'The compiled loss reads `embeddings`, `logits`, '
     r'`proxies` of the discriminator\'s outputs \(a DiscriminatorOutputs, or '
     r'a dict of its fields\), but the discriminator returns one tensor of '
     r'shape \[2, 1\]'),
    ('multi_hinge', 'acgan', r'reads `class_logits`, `logits`.*on real data it '
     r'returned `class_logits`.*logits: ac, projection_ac, d2dce'),
)


@pytest.mark.parametrize('head, loss, message', _MISFITS)
@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_heads_and_losses_that_do_not_fit(flavour, head, loss, message):
  Keras = lib.keras_package(flavour)
  with pytest.raises(ValueError, match=message):
    _gan(Keras, head, loss).fit(_data()[0], verbose=0)


def test_labels_must_be_in_the_generator_inputs():
  Keras = lib.keras_package('keras')
  z = Keras.Input((2,))
  generator = Keras.Model(z, Keras.layers.Dense(4)(z))
  x = Keras.Input((4,))
  discriminator = Keras.Model(x, {'class_logits': Keras.layers.Dense(K + 1)(x)})
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(Keras.optimizers.SGD(0.1), Keras.optimizers.SGD(0.1),
              loss='multi_hinge')
  with pytest.raises(ValueError, match=r'reads the class labels from '
                     r'`generator_inputs` = \(noise, labels\)'):
    gan.fit(_data(labels=False)[0], verbose=0)


def test_unknown_loss_lists_both_lists():
  Keras = lib.keras_package('keras')
  with pytest.raises(ValueError, match=r"Unknown loss 'mh'; valid names: "
                     r'hinge, .*; conditional \(for a discriminator that '
                     r'returns DiscriminatorOutputs\): acgan, '
                     r'auxiliary_multi_hinge, d2dce, multi_hinge'):
    _gan(Keras, 'multi_hinge', 'mh')
