# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.keras.GANModel on one device: maths, modes, precision, resume.

Every test runs for Keras 3 (`keras`; Keras 2.15 on TF 2.15) and tf-keras.
The one-step tests compare against a NumPy reference of the G-then-D (or
fused) SGD step on a linear GAN, written here from the formulas.
"""

import numpy as np
import pytest
import tensorflow as tf

import keras_testlib as lib
import tfgan_ext
from tfgan_ext.addons import FeatureMatching
from tfgan_ext.addons import Penalty
import tfgan_ext.keras as tfk

LR = 0.1


def _hinge_d_grads(x, fake, w, b):
  """d/dw, d/db of mean relu(1 - D(x)) + mean relu(1 + D(fake)), D = xw+b."""
  d_real, d_fake = x @ w + b, fake @ w + b
  on_real = (1.0 - d_real > 0).astype(np.float64)
  on_fake = (1.0 + d_fake > 0).astype(np.float64)
  grad_w = (-(on_real * x).mean(0) + (on_fake * fake).mean(0))[:, None]
  grad_b = np.array([-on_real.mean() + on_fake.mean()])
  return grad_w, grad_b


def _reference(weights, noise, real, fused, r1_weight=0.0, every=1,
               d_steps=1, train_steps=1):
  """NumPy SGD steps of the hinge GAN with R1 (see _hinge_d_grads).

  L_G = -mean D(G(z)): dL/dWg = -mean_i z_i w^T.
  R1 = mean ||grad_x D(x)||^2 = ||w||^2, gradient 2w; lazily: on
  discriminator step s with s % every == 0, weight every * r1_weight.
  """
  wg, w, b = (weights['Wg'].astype(np.float64),
              weights['w'].astype(np.float64),
              weights['b'].astype(np.float64))
  batch_index, d_step = 0, 0
  for _ in range(train_steps):
    batches = [(noise[batch_index + i], real[batch_index + i])
               for i in range(d_steps)]
    batch_index += d_steps
    z, x = batches[0]
    grad_wg = -np.outer(z.mean(0), w[:, 0])
    for i, (z_i, x_i) in enumerate(batches):
      if i == 0 and fused:
        fake = z_i @ wg
      else:
        if i == 0:
          wg = wg - LR * grad_wg
        fake = z_i @ wg
      grad_w, grad_b = _hinge_d_grads(x_i, fake, w, b)
      if r1_weight and d_step % every == 0:
        grad_w += every * r1_weight * 2 * w
      w, b = w - LR * grad_w, b - LR * grad_b
      d_step += 1
    if fused:
      wg = wg - LR * grad_wg
  return wg, w, b


def _gan(K, **compile_kwargs):
  generator, discriminator, weights = lib.linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.SGD(LR), K.optimizers.SGD(LR), **compile_kwargs)
  return gan, weights


def _assert_weights(gan, wg, w, b, rtol=1e-5):
  np.testing.assert_allclose(gan.generator.get_weights()[0], wg, rtol=rtol,
                             atol=1e-6)
  got_w, got_b = gan.discriminator.get_weights()
  np.testing.assert_allclose(got_w, w, rtol=rtol, atol=1e-6)
  np.testing.assert_allclose(got_b, b, rtol=rtol, atol=1e-6)


MODES = {'graph': {}, 'eager': {'run_eagerly': True},
         'xla': {'jit_compile': True}}


@pytest.mark.parametrize('fused', [False, True])
@pytest.mark.parametrize('mode', sorted(MODES))
@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_one_step_matches_numpy(flavour, mode, fused):
  K = lib.keras_package(flavour)
  gan, weights = _gan(K, loss='hinge', addons=[Penalty('r1', 0.5)],
                      fused=fused, **MODES[mode])
  dataset, noise, real = lib.pairs_dataset(1)
  history = gan.fit(dataset, epochs=1, verbose=0)
  _assert_weights(gan, *_reference(weights, noise, real, fused,
                                   r1_weight=0.5))
  assert int(gan.optimizer.iterations) == 1
  assert int(gan.discriminator_optimizer.iterations) == 1
  assert sorted(history.history) == ['discriminator_loss', 'generator_loss',
                                     'r1_penalty']
  # R1 of a linear D is ||w||^2 at the initial weights.
  np.testing.assert_allclose(history.history['r1_penalty'][0],
                             np.sum(weights['w'] ** 2), rtol=1e-5)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_lazy_penalty_and_discriminator_steps(flavour):
  # 3 train steps x 2 discriminator steps on 6 batches; R1 on discriminator
  # steps 0, 3 (every 3), weighted 3x.
  K = lib.keras_package(flavour)
  gan, weights = _gan(K, loss='hinge', addons=[Penalty('r1', 0.5, every=3)],
                      discriminator_steps=2)
  dataset, noise, real = lib.pairs_dataset(6)
  gan.fit(dataset, epochs=1, verbose=0)
  _assert_weights(gan, *_reference(weights, noise, real, False,
                                   r1_weight=0.5, every=3, d_steps=2,
                                   train_steps=3))
  assert int(gan.optimizer.iterations) == 3
  assert int(gan.discriminator_optimizer.iterations) == 6


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_loss_pair_of_functions_equals_name(flavour):
  K = lib.keras_package(flavour)
  wargs = tfgan_ext.losses.wargs
  dataset, noise, real = lib.pairs_dataset(1)
  want = _reference(lib.linear_gan(K)[2], noise, real, False)

  def gan_model_style_d_loss(gan_model, **unused):
    return wargs.hinge_discriminator_loss(
        gan_model.discriminator_real_outputs,
        gan_model.discriminator_gen_outputs)

  for loss in (tfgan_ext.losses.LossPair(wargs.hinge_generator_loss,
                                         wargs.hinge_discriminator_loss),
               (tfgan_ext.losses.hinge_generator_loss,
                gan_model_style_d_loss)):
    gan, _ = _gan(K, loss=loss)
    gan.fit(dataset, epochs=1, verbose=0)
    _assert_weights(gan, *want)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_mixed_precision_scales_and_unscales(flavour):
  K = lib.keras_package(flavour)
  K.mixed_precision.set_global_policy('mixed_float16')
  try:
    generator, discriminator, weights = lib.linear_gan(K)
  finally:
    K.mixed_precision.set_global_policy('float32')
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.SGD(LR), K.optimizers.SGD(LR), loss='hinge',
              addons=[Penalty('r1', 0.5)])
  flavour_obj = gan.flavour
  assert flavour_obj.is_loss_scaled(gan.optimizer)
  assert flavour_obj.is_loss_scaled(gan.discriminator_optimizer)
  dataset, noise, real = lib.pairs_dataset(1)
  gan.fit(dataset, epochs=1, verbose=0)
  # float16 compute: the update equals float32's to float16 precision (an
  # update left scaled by the loss scale, 2**15, would be far off).
  _assert_weights(gan, *_reference(weights, noise, real, False,
                                   r1_weight=0.5), rtol=2e-2)
  assert all(v.dtype == tf.float32 for v in gan.trainable_variables)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_interrupted_fit_resumes_to_the_same_step(flavour, tmp_path):
  K = lib.keras_package(flavour)
  dataset, _, _ = lib.pairs_dataset(3)

  def build():
    gan, _ = _gan(K, loss='hinge', addons=[Penalty('r1', every=2)])
    gan.compile(K.optimizers.Adam(0.01), K.optimizers.Adam(0.01),
                loss='hinge', addons=[Penalty('r1', every=2)])
    return gan

  class Interrupt(K.callbacks.Callback):

    def on_epoch_end(self, epoch, logs=None):
      if epoch == 1:
        raise KeyboardInterrupt('simulated preemption')

  backup = K.callbacks.BackupAndRestore(str(tmp_path / 'backup'))
  uninterrupted = build()
  uninterrupted.fit(dataset, epochs=4, verbose=0)
  gan = build()
  with pytest.raises(KeyboardInterrupt):
    gan.fit(dataset, epochs=4, verbose=0, callbacks=[backup, Interrupt()])
  assert int(gan.optimizer.iterations) == 6
  resumed = build()
  history = resumed.fit(dataset, epochs=4, verbose=0, callbacks=[
      K.callbacks.BackupAndRestore(str(tmp_path / 'backup'))])
  assert len(history.history['generator_loss']) == 2  # epochs 3 and 4.
  assert int(resumed.optimizer.iterations) == 12
  assert int(resumed.discriminator_optimizer.iterations) == 12
  for got, want in zip(resumed.get_weights(), uninterrupted.get_weights()):
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def _conditional_gan(K, num_classes=3, discriminator_inputs='auto'):
  noise = K.Input((2,))
  labels = K.Input((num_classes,))
  hidden = K.layers.Concatenate()([noise, labels])
  generator = K.Model([noise, labels], K.layers.Dense(3)(hidden))
  data = K.Input((3,))
  d_labels = K.Input((num_classes,))
  features = K.layers.Dense(4, activation='tanh', name='features')(
      K.layers.Concatenate()([data, d_labels]))
  discriminator = K.Model([data, d_labels], K.layers.Dense(1)(features))
  return tfk.GANModel(generator, discriminator,
                      discriminator_inputs=discriminator_inputs)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_conditional_gan_passes_labels(flavour):
  K = lib.keras_package(flavour)
  rng = np.random.default_rng(0)
  labels = np.eye(3, dtype=np.float32)[rng.integers(0, 3, 16)]
  noise = rng.normal(size=(16, 2)).astype(np.float32)
  real = rng.normal(size=(16, 3)).astype(np.float32)
  dataset = tf.data.Dataset.from_tensor_slices(((noise, labels), real)).batch(8)
  gan = _conditional_gan(K)
  gan.compile(K.optimizers.Adam(1e-3), K.optimizers.Adam(1e-3),
              addons=[Penalty('r1'), FeatureMatching(1.0, layer='features')])
  history = gan.fit(dataset, epochs=1, verbose=0)
  assert np.isfinite(history.history['feature_matching_loss'][0])
  # The discriminator saw the labels: its output depends on them.
  x, z = tf.constant(real[:2]), tf.constant(noise[:2])
  one = gan.call_discriminator(x, (z, tf.constant(labels[:2])))
  other = gan.call_discriminator(x, (z, tf.constant(np.roll(labels[:2], 1,
                                                           1))))
  assert not np.allclose(one, other)
  assert gan.predict((noise, labels), verbose=0).shape == (16, 3)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_errors_before_training(flavour):
  K = lib.keras_package(flavour)
  opts = lambda: (K.optimizers.SGD(LR), K.optimizers.SGD(LR))
  dataset, noise, real = lib.pairs_dataset(1)
  gan, _ = _gan(K)

  with pytest.raises(ValueError, match='valid names: .*hinge'):
    gan.compile(*opts(), loss='hings')
  # The add-ons check their settings when built (tests/addons_test.py has
  # every one); compile checks what needs the model.
  with pytest.raises(ValueError, match='valid names: dragan, r1'):
    Penalty('r3')
  with pytest.raises(ValueError, match='discriminator_steps must be >= 1'):
    gan.compile(*opts(), discriminator_steps=0)
  with pytest.raises(ValueError, match='Penalty every must be >= 1'):
    Penalty('r1', every=0)
  with pytest.raises(ValueError, match="no layer 'nope'; its layers are"):
    gan.compile(*opts(), addons=[FeatureMatching(1.0, layer='nope')])
  with pytest.raises(TypeError, match='unexpected arguments steps'):
    gan.compile(*opts(), steps=3)
  with pytest.raises(TypeError, match=r"(?s)penalty: use addons=\[tfgan_ext\."
                     r"addons\.Penalty.*penalty_every: use Penalty\(\.\.\., "
                     r"every=\.\.\.\)"):
    gan.compile(*opts(), penalty='r1', penalty_every=2)
  with pytest.raises(TypeError, match='object of tfgan_ext.addons'):
    gan.compile(*opts(), addons=['r1'])
  never_compiled = tfk.GANModel(*lib.linear_gan(K)[:2])
  with pytest.raises(RuntimeError, match='compile'):
    never_compiled.fit(dataset)

  gan.compile(*opts())
  with pytest.raises(ValueError, match=r'yield \(generator_inputs, '
                     r'real_data\) pairs'):
    gan.fit(tf.data.Dataset.from_tensor_slices(real[0]).batch(2))
  with pytest.raises(ValueError, match='pairs'):
    gan.fit(tf.data.Dataset.from_tensor_slices(
        (noise[0], real[0], real[0])).batch(2))
  with pytest.raises(TypeError, match='real_data must be floating point'):
    gan.fit(tf.data.Dataset.from_tensor_slices(
        (noise[0], (real[0] * 10).astype(np.int32))).batch(2))
  with pytest.raises(TypeError, match='tf.data.Dataset'):
    gan.fit((noise[0], real[0]))
  with pytest.raises(ValueError, match='takes no validation_data'):
    gan.fit(dataset, validation_data=dataset)
  with pytest.raises(ValueError, match='examples of shape'):
    gan.fit(tf.data.Dataset.from_tensor_slices(
        (noise[0], np.zeros((4, 5), np.float32))).batch(2))

  wide = K.Sequential([K.Input((3,)), K.layers.Dense(2)])
  bad = tfk.GANModel(gan.generator, wide)
  bad.compile(*opts())
  with pytest.raises(ValueError, match=r'one logit per example.*\[2, 2\]'):
    bad.fit(dataset)

  other = lib.keras_package(
      'tf_keras' if flavour == 'keras' else 'keras')
  if other.__name__ != flavour:
    with pytest.raises(TypeError, match='one Keras package'):
      tfk.GANModel(gan.generator, other.Sequential(
          [other.Input((3,)), other.layers.Dense(1)]))
  with pytest.raises(TypeError, match='must be a Keras model'):
    tfk.GANModel(gan.generator, lambda x: x)

  conditional = _conditional_gan(K, discriminator_inputs='data')
  conditional.compile(*opts())
  cond_data = tf.data.Dataset.from_tensor_slices(
      ((noise[0], np.eye(3, dtype=np.float32)[[0, 1, 2, 0]]), real[0])
  ).batch(2)
  with pytest.raises(ValueError):  # D has 2 inputs but gets data only.
    conditional.fit(cond_data)
  with pytest.raises(ValueError, match="discriminator_inputs must be one of"):
    tfk.GANModel(gan.generator, gan.discriminator, discriminator_inputs='x')


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_every_registered_loss_trains(flavour):
  # One compiled epoch per loss: finite logged losses, both players moved.
  K = lib.keras_package(flavour)
  dataset, _, _ = lib.pairs_dataset(2)
  for name in tfgan_ext.losses.names():
    gan, weights = _gan(K, loss=name)
    history = gan.fit(dataset, epochs=1, verbose=0)
    for key in ('generator_loss', 'discriminator_loss'):
      assert np.isfinite(history.history[key][0]), (name, key)
    assert not np.allclose(gan.generator.get_weights()[0], weights['Wg'])
    assert not np.allclose(gan.discriminator.get_weights()[0], weights['w'])
